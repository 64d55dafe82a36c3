-- accepted values: a rank is a whole number from 1 to the number of ranked units
select fact_id, value_base, out_of from facts
where base_unit = 'rank'
  and (value_base < 1 or value_base <> floor(value_base) or (out_of is not null and value_base > out_of))
