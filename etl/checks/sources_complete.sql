-- every registered page has its text and every page has at least one fact
select s.doc from sources s left join facts f using (doc)
group by s.doc, s.raw_text having s.raw_text is null or count(f.fact_id) = 0
