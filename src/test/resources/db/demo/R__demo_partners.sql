-- Demo Red Partners (development and tests only): a dozen partners of every kind, under contract with 锦城社区
-- (and some with 芳草社区), with offerings. The demo login "demo-partner" is the admin of 王师傅水电维修.
do $$
declare
    v_c1      bigint := (select id from community where name = '锦城社区');
    v_c2      bigint := (select id from community where name = '芳草社区');
    v_staff   bigint := (select id from account where openid = 'o-sandbox-demo-staff');
    v_partner bigint;
    v_account bigint;
    v_p       record;
begin
    if v_c1 is null or exists (select 1 from partner where name = '王师傅水电维修') then
        return;
    end if;

    for v_p in
        select * from (values
            ('王师傅水电维修', 'CRAFTSMAN', '二十年水电维修经验，随叫随到', 'HOME_REPAIR', 3, true,
                '上门维修水管', 'FREE', null::int, null::int, 90),
            ('李姐家电修理铺', 'MERCHANT', '空调、冰箱、洗衣机维修', 'HOME_REPAIR', 5, true,
                '家电检修', 'CASH', null, 5000, 60),
            ('锦城志愿者服务队', 'SOCIAL_ORGANISATION', '社区党员志愿者，助老助残', 'ELDERLY_CARE', 10, true,
                '陪同就医', 'FREE', null, null, 180),
            ('夕阳红助老服务中心', 'SOCIAL_ORGANISATION', '专业养老护理员上门', 'ELDERLY_CARE', 8, true,
                '上门助浴', 'POINTS', 60, null, 120),
            ('洁净家政', 'MERCHANT', '日常保洁、深度清洁', 'CLEANING', 6, true,
                '两小时日常保洁', 'CASH', null, 8000, 120),
            ('张阿姨保洁', 'CRAFTSMAN', '做事细致，邻居都说好', 'CLEANING', 2, true,
                '厨房深度清洁', 'POINTS', 40, null, 90),
            ('巷口理发店', 'MERCHANT', '老手艺，剪发修面', 'HAIRCUT', 4, true,
                '上门理发（行动不便老人）', 'FREE', null, null, 40),
            ('刘师傅剃头', 'CRAFTSMAN', '传统剃头、刮脸', 'HAIRCUT', 2, true,
                '传统剃头', 'CASH', null, 1500, 30),
            ('玉林律师事务所', 'UNIT', '公益法律咨询', 'LEGAL_ADVICE', 5, true,
                '邻里纠纷法律咨询', 'FREE', null, null, 60),
            ('四川大学青年志愿者协会', 'SOCIAL_ORGANISATION', '大学生课业辅导', 'TUTORING', 10, true,
                '小学数学辅导', 'FREE', null, null, 90),
            ('武侯区社区卫生服务中心', 'UNIT', '家庭医生签约、健康义诊', 'HEALTH', 6, true,
                '上门测血压血糖', 'FREE', null, null, 30),
            ('老周木工坊', 'CRAFTSMAN', '家具修补、门窗维修', 'HOME_REPAIR', 2, false,
                '门窗修理', 'CASH', null, 3000, 60)
        ) as t(name, kind, description, category, capacity, online, title, price_kind, points, fen, minutes)
    loop
        insert into partner (name, kind, description, contact_phone, capacity, online)
            values (v_p.name, v_p.kind, v_p.description, '028-8555' || lpad((random() * 9999)::int::text, 4, '0'),
                    v_p.capacity, v_p.online)
            returning id into v_partner;
        insert into partner_category (partner_id, category_id)
            select v_partner, id from service_category where code = v_p.category;
        insert into partner_contract (partner_id, community_id, valid_from, valid_to, created_by)
            values (v_partner, v_c1, date '2026-01-01', date '2028-12-31', v_staff);
        if v_p.kind in ('SOCIAL_ORGANISATION', 'UNIT') then
            insert into partner_contract (partner_id, community_id, valid_from, valid_to, created_by)
                values (v_partner, v_c2, date '2026-01-01', date '2028-12-31', v_staff);
        end if;
        insert into offering (partner_id, category_id, title, description, price_kind, price_points, price_fen,
                              estimated_minutes)
            select v_partner, id, v_p.title, v_p.description, v_p.price_kind, v_p.points, v_p.fen, v_p.minutes
              from service_category where code = v_p.category;

        -- one member account per partner (the first one is the demo login)
        if v_p.name = '王师傅水电维修' then
            v_account := (select id from account where openid = 'o-sandbox-demo-partner');
        elsif v_p.name = '李姐家电修理铺' then
            -- the demo merchant: verifies the vouchers of the rewards it supplies
            insert into account (openid, nickname, phone) values ('o-sandbox-demo-merchant', '演示商家李姐', '13800000030')
                returning id into v_account;
        else
            insert into account (openid, nickname) values ('o-demo-partner-' || v_partner, v_p.name || '成员')
                returning id into v_account;
        end if;
        insert into account_role (account_id, role) values (v_account, 'PARTNER') on conflict do nothing;
        insert into partner_member (partner_id, account_id, role) values (v_partner, v_account, 'ADMIN');
    end loop;

    -- rewards the merchants supply to 锦城社区 (换服务、换商品、换折扣、换市场)
    insert into reward (community_id, partner_id, kind, title, description, points_price, stock, valid_to)
    select v_c1, p.id, r.kind, r.title, r.description, r.price, r.stock, date '2028-12-31'
      from (values
        ('李姐家电修理铺', 'DISCOUNT', '空调清洗八折券', '凭券到店或上门清洗空调享八折', 30, 50),
        ('李姐家电修理铺', 'MARKET_VOUCHER', '邻里集市 10 元代金券', '每月邻里集市通用', 50, 100),
        ('巷口理发店', 'SERVICE', '免费理发一次', '到店出示券码', 20, 30),
        ('洁净家政', 'SERVICE', '两小时日常保洁', '预约后上门', 80, 10),
        ('张阿姨保洁', 'GOODS', '手工香皂礼盒', '到社区服务站领取', 15, 20)
      ) as r(partner, kind, title, description, price, stock)
      join partner p on p.name = r.partner;

    -- a second member of 王师傅水电维修, so an organisation can assign the serving member
    insert into account (openid, nickname) values ('o-sandbox-demo-partner-2', '演示合伙人小王') returning id into v_account;
    insert into account_role (account_id, role) values (v_account, 'PARTNER');
    insert into partner_member (partner_id, account_id, role)
        values ((select id from partner where name = '王师傅水电维修'), v_account, 'MEMBER');
end $$;
