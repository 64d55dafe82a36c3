-- conflicts: every group of facts with the same region, indicator, period and qualifier has exactly one preferred fact
select group_key, count(*) filter (where is_preferred) as preferred
from fact_groups group by group_key having preferred <> 1
