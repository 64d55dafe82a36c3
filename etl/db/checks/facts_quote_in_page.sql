-- provenance: every quote occurs in its page, whitespace ignored (the whitespace rule)
select f.fact_id, f.doc, f.quote
from facts f
join sources s using (doc)
where strpos(regexp_replace(s.raw_text, '\s', '', 'g'), regexp_replace(f.quote, '\s', '', 'g')) = 0
