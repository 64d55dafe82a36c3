-- coverage: no number of a page is left neither a fact nor skipped
select doc, uncovered from coverage where uncovered > 0 or numbers <> in_facts + skipped
