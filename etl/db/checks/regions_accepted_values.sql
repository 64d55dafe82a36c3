-- accepted values and relationships of regions; a park has a host county
select code, level, scope, parent, host_county from regions r
where level not in ('province', 'city', 'county', 'park', 'township', 'village')
   or scope not in ('loudi', 'outside')
   or (parent is not null and parent not in (select code from regions))
   or (level = 'park' and (host_county is null or host_county not in (select code from regions where level = 'county')))
