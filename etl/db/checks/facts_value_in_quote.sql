-- provenance: the published value is written in the quote
select fact_id, value, quote
from facts
where strpos(regexp_replace(quote, '\s', '', 'g'), regexp_replace(value, '\s', '', 'g')) = 0
