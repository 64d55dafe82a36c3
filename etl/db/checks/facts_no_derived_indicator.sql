-- facts hold published numbers only: none may use a derived indicator
select f.fact_id, f.indicator from facts f join indicators i on i.code = f.indicator where i.is_derived
