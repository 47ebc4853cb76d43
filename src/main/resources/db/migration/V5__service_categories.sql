-- The service catalogue's categories and how each is dispatched (reference data, also in production).
insert into service_category (code, name, dispatch_mode, sort_order) values
    ('HOME_REPAIR',  '家电水电维修', 'ASSIGN', 10),
    ('ELDERLY_CARE', '助老服务',     'AUTO',   20),
    ('CLEANING',     '家政保洁',     'GRAB',   30),
    ('HAIRCUT',      '理发',         'GRAB',   40),
    ('LEGAL_ADVICE', '法律咨询',     'ASSIGN', 50),
    ('TUTORING',     '课业辅导',     'AUTO',   60),
    ('HEALTH',       '健康义诊',     'ASSIGN', 70);
