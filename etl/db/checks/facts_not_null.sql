-- schema: required fields are filled
select fact_id from facts
where coalesce(doc, '') = '' or coalesce(region, '') = '' or coalesce(indicator, '') = ''
   or coalesce(period, '') = '' or coalesce(value, '') = '' or coalesce(unit, '') = '' or coalesce(quote, '') = ''
