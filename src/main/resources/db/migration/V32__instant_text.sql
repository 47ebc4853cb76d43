-- An instant as the API writes it (java.time.Instant#toString: UTC, 'Z', the fraction in groups of three digits and
-- only when there is one), so that SQL that builds API answers as JSON (the compiled dispatch board) writes the same
-- text as the GraphQL DateTime scalar. PostgreSQL keeps microseconds: at most six digits.
create function instant_text(t timestamptz) returns text
    language sql stable strict parallel safe
as $$
select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
       || case when us = 0 then ''
               when us % 1000 = 0 then '.' || lpad((us / 1000)::text, 3, '0')
               else '.' || lpad(us::text, 6, '0') end
       || 'Z'
  from (select (extract(microseconds from t)::bigint % 1000000) as us) fraction
$$;
