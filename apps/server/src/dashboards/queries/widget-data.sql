-- Hot queries of the dashboards module, as Kysely compiles them for PostgreSQL (SQLite differs only
-- in placeholders: ? for $n). Regenerate when a query changes, so a reviewer sees plan-relevant diffs.

-- rollup upsert (per changed month/type/category)
insert into "ledger_monthly" ("month", "type", "category_id", "total_cents", "tx_count") values ($1, $2, $3, $4, $5) on conflict ("month", "type", "category_id") do update set "total_cents" = "ledger_monthly"."total_cents" + "excluded"."total_cents", "tx_count" = "ledger_monthly"."tx_count" + "excluded"."tx_count";

-- period rollups (shared by every ledger widget of one request)
select * from "ledger_monthly" where "month" >= $1 and "month" <= $2 order by "month";

-- trend months
select * from "ledger_monthly" where "month" in ($1, $2);

-- budget utilization
select coalesce(sum("b"."amount_cents"), 0) as "budget", coalesce(sum("m"."total_cents"), 0) as "spent" from "budgets" as "b" left join "ledger_monthly" as "m" on "m"."month" = "b"."period" and "m"."category_id" = "b"."category_id" and "m"."type" = $1 where "b"."period" >= $2 and "b"."period" <= $3;

-- recent transactions (walks the (date, id) index backwards)
select "id", "date", "description", "type", "category_id", "amount_cents" from "transactions" where "status" = $1 and "date" >= $2 and "date" <= $3 order by "date" desc, "id" desc limit $4;

-- pending / overdue payments (payments_status_due index)
select coalesce(sum("amount_cents"), 0) as "cents", count(*) as "count" from "payments" where "status" = $1 and "due_date" >= $2 and "due_date" <= $3 and "due_date" < $4;

