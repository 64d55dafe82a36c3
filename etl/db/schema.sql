-- Public schema of data/loudi.duckdb. Tables hold the reviewed catalogue as loaded; views are what the
-- dashboard reads. Everything marked derived is computed here, never typed in.

create table sources (
    doc            varchar primary key,
    file           varchar not null,
    sha256         varchar not null,
    newspaper      varchar,          -- empty: not printed on the page
    page           varchar,          -- empty: not printed on the page
    date_printed   varchar,          -- empty: not printed on the page
    date_inferred  varchar,
    date_basis_zh  varchar not null,  -- how the date was inferred
    date_basis_en  varchar not null,
    headlines      varchar,
    subject_region varchar not null,
    unknown_zh     varchar not null,  -- what the page does not say
    unknown_en     varchar not null,
    status         varchar not null,  -- reviewed | pending (added, its candidates not all decided yet)
    original       varchar,           -- the page as received (HTML, GBK bytes) when file is a text copy of it
    raw_text       varchar not null  -- the page, byte for byte, for provenance checks
);

create table regions (
    code        varchar primary key,
    name_zh     varchar not null,
    name_en     varchar not null,
    level       varchar not null,
    parent      varchar,
    host_county varchar,
    scope       varchar not null,
    county      varchar  -- the county-level division a region lies in (itself for a county, host for a park)
);

create table indicators (
    code             varchar primary key,
    name_zh          varchar not null,
    name_en          varchar not null,
    theme            varchar not null,
    unit             varchar not null,
    base_unit        varchar not null,
    description_zh   varchar not null,
    description_en   varchar not null,
    higher_is_better boolean,
    formula          varchar,
    is_derived       boolean not null
);

create table units (
    unit      varchar not null,
    base_unit varchar not null,
    factor    double not null,
    primary key (unit, base_unit)
);

-- Required fields and references of facts and skipped rows are the data checks' job (checks/facts_not_null.sql,
-- checks/facts_relationships.sql: each names the offending rows), not constraints that would stop the insert
-- with a bare error before any check could say which row is wrong.
create table facts (
    fact_id    varchar primary key,
    doc        varchar,
    region     varchar,
    indicator  varchar,
    period     varchar,           -- YYYY, YYYY-MM, YYYY-MM-DD or A..B
    year       integer,           -- last year of the period
    value      varchar,           -- exactly as published (Arabic or Chinese numerals)
    value_num  double,            -- the published value as a number, in the published unit
    unit       varchar,           -- as published
    value_base double,            -- value in the indicator's base unit
    base_unit  varchar,
    qualifier  varchar,
    out_of     integer,
    quote      varchar,
    note       varchar,
    source_file varchar not null,
    source_line integer not null
);

create table skipped (
    doc     varchar not null,
    number  varchar not null,
    context varchar not null,
    reason  varchar not null
);

-- one row per fact that shares its region, indicator, period and qualifier with another fact
create table fact_groups (
    group_key    varchar not null,
    fact_id      varchar not null,
    is_conflict  boolean not null,  -- the group's values (in base unit) differ
    is_preferred boolean not null,  -- the value charts use
    rule         varchar not null,
    reason_zh    varchar not null,
    reason_en    varchar not null
);

create table coverage (
    doc       varchar primary key references sources (doc),
    numbers   integer not null,
    in_facts  integer not null,
    skipped   integer not null,
    uncovered integer not null
);

-- candidates of data/review/DOC.csv (written by propose, emptied by accept) per page at build time
create table review (
    doc       varchar primary key references sources (doc),
    accepted  integer not null,  -- marked accept, not yet moved into the catalogue by accept
    rejected  integer not null,  -- marked reject, not yet moved
    held_back integer not null,  -- undecided and held back (accept turns them into skipped rows)
    pending   integer not null   -- undecided, not held back: waiting for a person
);

-- data/audit.csv as loaded (etl/core/audit.py): one row per review decision, appended by accept
create table audit (
    seq          integer primary key,  -- line order in data/audit.csv (1 = oldest)
    "at"         varchar not null,     -- ISO 8601 with offset
    who          varchar not null,
    doc          varchar not null,
    candidate_id varchar,
    decision     varchar not null,     -- accept | reject | skip (held back) | edit (a field changed)
    field        varchar,              -- edit: the field
    before       varchar,              -- edit: as proposed
    after        varchar,              -- edit: as accepted
    fact_id      varchar               -- accept/edit: the fact the row became
);

-- The vocabulary of etl/core/vocab.py (levels, scopes, themes, qualifiers, statuses), so that the checks
-- test against the one list instead of repeating it
create table accepted_values (
    field varchar not null,
    value varchar not null,
    primary key (field, value)
);

create table build_info (
    built_at    timestamp not null,
    facts       integer not null,
    regions     integer not null,
    indicators  integer not null,
    documents   integer not null,
    conflicts   integer not null,
    catalogue_sha256 varchar not null
);

create view indicator_values as
select
    f.fact_id,
    f.region,
    r.name_zh  as region_zh,
    r.name_en  as region_en,
    r.level,
    r.scope,
    r.county,
    c.name_zh  as county_zh,
    c.name_en  as county_en,
    r.host_county,
    f.indicator,
    i.name_zh  as indicator_zh,
    i.name_en  as indicator_en,
    i.theme,
    i.higher_is_better,
    f.period,
    f.year,
    f.value,
    f.value_num,
    f.unit,
    f.value_base,
    f.base_unit,
    f.qualifier,
    f.out_of,
    f.doc,
    s.file     as source_file,
    f.quote,
    f.note,
    coalesce(g.is_preferred, true)  as is_preferred,
    coalesce(g.is_conflict, false)  as in_conflict,
    'published' as status
from facts f
join regions r on r.code = f.region
left join regions c on c.code = r.county
join indicators i on i.code = f.indicator
join sources s on s.doc = f.doc
left join fact_groups g on g.fact_id = f.fact_id;

create view conflicts as
select
    g.group_key,
    f.region,
    r.name_zh as region_zh,
    r.name_en as region_en,
    f.indicator,
    i.name_zh as indicator_zh,
    i.name_en as indicator_en,
    f.period,
    f.qualifier,
    f.fact_id,
    f.doc,
    f.value,
    f.value_num,
    f.unit,
    f.value_base,
    f.quote,
    g.is_preferred,
    g.rule,
    g.reason_zh,
    g.reason_en
from fact_groups g
join facts f using (fact_id)
join regions r on r.code = f.region
join indicators i on i.code = f.indicator
where g.is_conflict;

-- Derived: for each region, indicator and qualifier, every pair of single years with a preferred value.
create view comparisons as
with yearly as (
    select * from indicator_values
    where is_preferred and regexp_matches(period, '^\d{4}$')
),
pairs as (
    select
        a.region, a.region_zh, a.region_en, a.county, a.level,
        a.indicator, a.indicator_zh, a.indicator_en, a.theme, a.higher_is_better,
        a.qualifier, a.base_unit, a.unit,
        a.year        as start_year,
        b.year        as end_year,
        a.value       as start_value_published,
        b.value       as end_value_published,
        b.unit        as end_unit,
        a.value_base  as start_value,
        b.value_base  as end_value,
        a.fact_id     as start_fact,
        b.fact_id     as end_fact,
        a.doc         as start_doc,
        b.doc         as end_doc
    from yearly a
    join yearly b
      on a.region = b.region and a.indicator = b.indicator
     and coalesce(a.qualifier, '') = coalesce(b.qualifier, '') and a.year < b.year
),
final as (
    select
        *,
        end_value - start_value as abs_change,
        'end − start (in ' || base_unit || ')' as abs_change_formula,
        case when start_value > 0 and base_unit not in ('rank', 'places')
             then (end_value - start_value) / start_value end as rel_change,
        '(end − start) / start' as rel_change_formula,
        case when start_value > 0 and end_value > 0 and base_unit not in ('percent', 'rank', 'places')
             then pow(end_value / start_value, 1.0 / (end_year - start_year)) - 1 end as annual_growth,
        '(end / start) ^ (1 / (end_year − start_year)) − 1' as annual_growth_formula,
        'derived' as status
    from pairs
)
select * from final;
