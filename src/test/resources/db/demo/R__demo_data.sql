-- Demo data for development and tests (test classpath only: never in the production jar).
-- Runs after every versioned migration; guarded so that re-running it changes nothing.
-- Demo logins map to openids through the WeChat sandbox: login code "demo-resident" → openid "o-sandbox-demo-resident".
do $$
declare
    v_street     bigint;
    v_c1         bigint;
    v_c2         bigint;
    v_estate     bigint;
    v_building   bigint;
    v_unit       bigint;
    v_household  bigint;
    v_account    bigint;
    v_layout     record;
    v_n          int := 0;
    v_surnames   text[] := array['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'];
    v_given      text[] := array['秀英','建国','桂兰','志强','淑芬','国华','玉梅','德明','丽华','永福','春燕'];
begin
    if exists (select 1 from street where name = '玉林街道') then
        return;
    end if;

    insert into street (name) values ('玉林街道') returning id into v_street;
    insert into community (street_id, name, address)
        values (v_street, '锦城社区', '成都市武侯区玉林北路 12 号') returning id into v_c1;
    insert into community (street_id, name, address)
        values (v_street, '芳草社区', '成都市武侯区芳草街 8 号') returning id into v_c2;

    -- 锦城社区: 2 estates × 2 buildings × 2 units × 3 floors = 24 households
    -- 芳草社区: 1 estate × 3 buildings × 2 units × 4 floors = 24 households
    -- every household gets a resident head account (o-demo-resident-N), so the tree has people in it
    for v_layout in
        select * from (values ('锦江苑', v_c1, 2, 3), ('桂花园', v_c1, 2, 3), ('芳草小区', v_c2, 3, 4))
            as t(estate_name, community_id, buildings, floors)
    loop
        insert into estate (community_id, name) values (v_layout.community_id, v_layout.estate_name)
            returning id into v_estate;
        for b in 1..v_layout.buildings loop
            insert into building (estate_id, community_id, name) values (v_estate, v_layout.community_id, b || '栋')
                returning id into v_building;
            for u in 1..2 loop
                insert into unit (building_id, community_id, name) values (v_building, v_layout.community_id, u || '单元')
                    returning id into v_unit;
                for f in 1..v_layout.floors loop
                    insert into household (unit_id, community_id, room) values (v_unit, v_layout.community_id, f || '0' || u)
                        returning id into v_household;
                    v_n := v_n + 1;
                    if v_n = 1 then
                        -- 锦江苑 1栋1单元101: the demo resident's home, with a family member
                        insert into account (openid, nickname, phone)
                            values ('o-sandbox-demo-resident', '演示居民张阿姨', '13800000001') returning id into v_account;
                        insert into account_role values (v_account, 'RESIDENT');
                        insert into household_member (household_id, account_id, is_head) values (v_household, v_account, true);
                        insert into account (openid, nickname, phone)
                            values ('o-sandbox-demo-family', '演示家属小张', '13800000002') returning id into v_account;
                        insert into account_role values (v_account, 'RESIDENT');
                        insert into household_member (household_id, account_id, is_head) values (v_household, v_account, false);
                    else
                        insert into account (openid, nickname, phone)
                            values ('o-demo-resident-' || v_n,
                                    v_surnames[1 + v_n % array_length(v_surnames, 1)] || v_given[1 + v_n % array_length(v_given, 1)],
                                    '139' || lpad(v_n::text, 8, '0'))
                            returning id into v_account;
                        insert into account_role values (v_account, 'RESIDENT');
                        insert into household_member (household_id, account_id, is_head) values (v_household, v_account, true);
                    end if;
                end loop;
            end loop;
        end loop;
    end loop;

    -- staff: two in 锦城社区 (so four-eyes approvals can be shown), one in 芳草社区
    insert into account (openid, nickname, phone) values ('o-sandbox-demo-staff', '演示社工李书记', '13800000010')
        returning id into v_account;
    insert into account_role values (v_account, 'STAFF');
    insert into staff (account_id, community_id, title) values (v_account, v_c1, '社区书记');

    insert into account (openid, nickname, phone) values ('o-sandbox-demo-staff-2', '演示网格员陈', '13800000011')
        returning id into v_account;
    insert into account_role values (v_account, 'STAFF');
    insert into staff (account_id, community_id, title) values (v_account, v_c1, '网格员');

    insert into account (openid, nickname, phone) values ('o-sandbox-demo-staff-fangcao', '演示社工周主任', '13800000012')
        returning id into v_account;
    insert into account_role values (v_account, 'STAFF');
    insert into staff (account_id, community_id, title) values (v_account, v_c2, '社区主任');

    -- the partner login starts as a plain account; the partner feature makes it a member of a partner
    insert into account (openid, nickname, phone) values ('o-sandbox-demo-partner', '演示合伙人王师傅', '13800000020')
        returning id into v_account;
    insert into account_role values (v_account, 'RESIDENT');

    insert into account (openid, nickname) values ('o-sandbox-demo-admin', '演示管理员') returning id into v_account;
    insert into account_role values (v_account, 'ADMIN');
end $$;
