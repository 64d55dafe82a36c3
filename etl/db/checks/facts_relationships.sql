-- schema: every fact names a known document, region and indicator
select f.fact_id, f.doc, f.region, f.indicator
from facts f
left join sources s using (doc)
left join regions r on r.code = f.region
left join indicators i on i.code = f.indicator
where s.doc is null or r.code is null or i.code is null
