-- schema: periods are well formed, years plausible, and ranges run forwards
select fact_id, period, year from facts
where not regexp_matches(period, '^\d{4}(-\d{2}(-\d{2})?)?(\.\.\d{4}(-\d{2}(-\d{2})?)?)?$')
   or year not between 1949 and 2030
   or (period like '%..%' and split_part(period, '..', 1) >= split_part(period, '..', 2))
