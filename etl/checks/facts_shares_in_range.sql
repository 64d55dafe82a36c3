-- accepted values: levels in percent are between 0 and 100 (growth rates may exceed 100)
select f.fact_id, f.indicator, f.value_base from facts f
where f.base_unit = 'percent' and f.indicator not like '%growth%' and f.indicator not like '%increase%'
  and f.value_base not between 0 and 100
