-- accepted values: rates, incidences and shares (codes ending _rate, _incidence, _share) lie between 0 and
-- 100 %; other percentages may exceed 100 (growth, completion of an annual plan such as 106.4 %)
select f.fact_id, f.indicator, f.value_base from facts f
where f.base_unit = 'percent'
  and (f.indicator like '%\_rate' escape '\' or f.indicator like '%\_incidence' escape '\'
       or f.indicator like '%\_share' escape '\')
  and f.value_base not between 0 and 100
