-- A demo festival campaign (development and tests only): open in 锦城社区 for a month from when the database was made.
do $$
declare
    v_c1       bigint := (select id from community where name = '锦城社区');
    v_staff    bigint := (select id from account where openid = 'o-sandbox-demo-staff');
    v_campaign bigint;
begin
    if v_c1 is null or exists (select 1 from campaign where theme = '冬至邻里节·百家饺子宴') then
        return;
    end if;
    insert into campaign (community_id, theme, festival_date, main_venue, branch_venues, description, deadline,
                          money_goal_fen, funding_rule, matching_sponsor, matching_cap_fen, status, created_by, published_at)
    values (v_c1, '冬至邻里节·百家饺子宴', (now() + interval '40 days')::date, '锦城社区广场', array['锦江苑活动室', '桂花园凉亭'],
            '邻居们一起包饺子、写春联、看演出。每一分钱的去向都在账本上公开。', now() + interval '30 days',
            300000, 'ALL_OR_NOTHING', '李姐家电修理铺', 50000, 'OPEN', v_staff, now())
    returning id into v_campaign;
    insert into campaign_item_need (campaign_id, name, unit, quantity_needed)
    values (v_campaign, '折叠椅', '把', 80), (v_campaign, '帐篷', '顶', 4), (v_campaign, '电磁炉', '台', 6);
    insert into campaign_volunteer_role (campaign_id, name, count, points_reward)
    values (v_campaign, '签到引导', 6, 20), (v_campaign, '包饺子帮厨', 10, 30), (v_campaign, '会后清扫', 8, 20);
    insert into timer (kind, subject_id, due_at) values ('CAMPAIGN_DEADLINE', v_campaign, now() + interval '30 days');
end $$;
