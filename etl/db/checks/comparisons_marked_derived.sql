-- derived numbers are marked derived and carry their formula
select region, indicator, start_year, end_year from comparisons
where status <> 'derived' or abs_change_formula is null or rel_change_formula is null or annual_growth_formula is null
union all
select region, indicator, null, null from derived_values where status <> 'derived' or formula is null
