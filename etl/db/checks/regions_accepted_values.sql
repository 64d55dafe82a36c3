-- accepted values and relationships of regions (the vocabulary is etl/core/vocab.py, stored by the build
-- in accepted_values); a park has a host county
with levels as (select value from accepted_values where field = 'level'),
     scopes as (select value from accepted_values where field = 'scope')
select code, level, scope, parent, host_county from regions r
where level not in (select value from levels)
   or scope not in (select value from scopes)
   or (parent is not null and parent not in (select code from regions))
   or (level = 'park' and (host_county is null or host_county not in (select code from regions where level = 'county')))
