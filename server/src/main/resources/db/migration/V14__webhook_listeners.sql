-- Endpoints received through `passerelle webhooks listen` (docs/webhooks.md "Receiving webhooks on
-- a developer machine"): the server never posts to them; their deliveries wait for a CLI that reads
-- them from GET /webhooks/listen, on a machine the server may not reach. Their URL is the local app
-- the CLI forwards to, which BI-Signature signs. While listened_until is ahead, a CLI is connected
-- (it renews the lease every second) and events are queued for the endpoint; afterwards none are.
ALTER TABLE webhook ADD COLUMN listener BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE webhook ADD COLUMN listened_until TIMESTAMP WITH TIME ZONE NULL;
