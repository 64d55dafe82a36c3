-- what charts read: at most one preferred value per region, indicator, period and qualifier
select region, indicator, period, qualifier, count(*) as n
from indicator_values where is_preferred
group by all having n > 1
