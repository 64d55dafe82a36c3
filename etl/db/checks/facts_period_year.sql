-- schema: periods are well formed, ranges run forwards, and no outcome lies after the page that reports
-- it (a later year is a target or an expectation, and must say so in its qualifier)
with page_years as (
    select doc, cast(left(date_inferred, 4) as integer) as page_year from sources
),

final as (
    select f.fact_id, f.period, f.year, p.page_year, f.qualifier
    from facts f
    left join page_years p using (doc)
    where not regexp_matches(f.period, '^\d{4}(-\d{2}(-\d{2})?)?(\.\.\d{4}(-\d{2}(-\d{2})?)?)?$')
       or f.year < 1949
       or (f.year > p.page_year
           and not coalesce(regexp_matches(f.qualifier, '(^|;)(target|expected)(;|$)'), false))
       or (f.period like '%..%' and split_part(f.period, '..', 1) >= split_part(f.period, '..', 2))
)

select * from final
