-- units: value_base = value as published × the unit's factor to the indicator's base unit
with final as (
    select f.fact_id, f.value_num, f.unit, f.base_unit, f.value_base, u.factor
    from facts f
    join indicators i on i.code = f.indicator
    left join units u on u.unit = f.unit and u.base_unit = i.base_unit
)
select * from final
where factor is null or abs(value_base - value_num * factor) > 1e-6 * greatest(1, abs(value_base))
