-- provenance: every quote occurs in its page, whitespace ignored (the whitespace rule); each page is
-- squeezed once (materialized), not once per fact
with pages as materialized (
    select doc, regexp_replace(raw_text, '\s', '', 'g') as squeezed from sources
),

final as (
    select f.fact_id, f.doc, f.quote
    from facts f
    join pages p using (doc)
    where strpos(p.squeezed, regexp_replace(f.quote, '\s', '', 'g')) = 0
)

select * from final
