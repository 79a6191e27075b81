-- Funding tables summed per period: the line items, the table's own total row, and the gap.
-- Grain and columns: warehouse/schema.yml (funding_by_period).
WITH cells AS (
    SELECT *,
        regexp_matches(line_item, '^\s*(grand\s+)?totals?\b', 'i') AS total_row,
        regexp_matches(line_item, '^\s*sub[- ]?totals?\b', 'i') AS subtotal_row  -- its rows are counted already
    FROM funding
)
SELECT
    c.document_id, c.table_id, t.title AS table_title, c.period,
    count(*) FILTER (WHERE NOT c.total_row AND NOT c.subtotal_row) AS line_items,
    sum(c.amount) FILTER (WHERE NOT c.total_row AND NOT c.subtotal_row) AS amount,
    sum(c.amount) FILTER (WHERE c.total_row) AS stated_total,
    sum(c.amount) FILTER (WHERE c.total_row)
        - sum(c.amount) FILTER (WHERE NOT c.total_row AND NOT c.subtotal_row) AS difference,
    any_value(c.currency) AS currency, min(c.page) AS page
FROM cells c
JOIN tables t ON t.table_id = c.table_id
GROUP BY c.document_id, c.table_id, t.title, c.period
