-- every registered page has its text and a known status, and every reviewed page has at least one fact
select s.doc from sources s left join facts f using (doc)
group by s.doc, s.raw_text, s.status
having s.raw_text is null or s.status not in (select value from accepted_values where field = 'status')
    or (s.status = 'reviewed' and count(f.fact_id) = 0)
