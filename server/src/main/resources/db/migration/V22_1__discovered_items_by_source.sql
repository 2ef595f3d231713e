-- A data fetch lists the accounts and subscriptions of one source (consent.DiscoveredRows: the fetchable
-- ones, the listing's error, the ones the institution no longer shows). Without these indexes each of
-- those statements scanned the whole table: with 2,000 connections added at once, the scans of
-- bank_account were 30% of the server's CPU (docs/performance.md, P3). Numbered 22.1 so that it runs
-- after V22 whichever migration comes next.
CREATE INDEX bank_account_source ON bank_account (id_source);
CREATE INDEX subscription_source ON subscription (id_source);
