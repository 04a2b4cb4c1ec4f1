-- 555 Partidas pendientes de aplicación is shown by the balance models of both non-profit plans among the liabilities
-- ("Otras deudas a corto plazo"), and the templates pgc-esfl and pgc-pymesfl now give it the nature LIABILITY to agree.
-- The charts already built from those templates take the same nature, for 555 and the subaccounts an organisation
-- added under it (a subaccount takes its parent's nature). Only the nature changes, which no balance depends on.
UPDATE account a
JOIN chart_of_accounts c ON c.org_id = a.org_id
SET a.nature = 'LIABILITY'
WHERE c.template IN ('pgc-esfl', 'pgc-pymesfl')
  AND a.code LIKE '555%'
  AND a.nature = 'ASSET';
