-- Loudi's five county-level divisions and six parks are all in the catalogue
with expected(name_zh) as (values ('娄星区'), ('冷水江市'), ('涟源市'), ('双峰县'), ('新化县'),
    ('娄底经开区'), ('娄底高新区'), ('冷水江经开区'), ('娄星产业开发区'), ('新化高新区'), ('双峰高新区'))
select e.name_zh from expected e left join regions r using (name_zh)
where r.code is null or r.scope <> 'loudi'
