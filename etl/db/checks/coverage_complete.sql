-- coverage: no number of a reviewed page is left neither a fact nor skipped (pending pages are measured only)
select c.doc, c.uncovered from coverage c join sources s using (doc)
where s.status = 'reviewed' and (c.uncovered > 0 or c.numbers <> c.in_facts + c.skipped)
union all
select doc, uncovered from coverage where numbers <> in_facts + skipped + uncovered
