-- The company's customers for the office's list and search: one row per customer, written by the customer's grain
-- after each change of its name, kind, contacts or properties (it replaces nothing: there was no list before).
-- sort_name is the name upper-cased (invariant culture), compared byte-wise (COLLATE "C") as company_technicians'.
-- search_text is the name, every contact's name, email and phone, and each phone's digits run together, folded to
-- lower-case ASCII words (SearchText.Fold): a search is one LIKE '%word%' per word typed, the same on both databases.
CREATE TABLE IF NOT EXISTS customer_directory
(
    tenant_id     text        NOT NULL,
    customer_id   text        NOT NULL,
    name          text        NOT NULL,
    sort_name     text COLLATE "C" NOT NULL,
    kind          text        NOT NULL,  -- a CustomerKind name: Residential, Commercial
    contact_name  text        NULL,      -- the main contact: the first owner, else the first contact
    contact_email text        NULL,
    contact_phone text        NULL,
    contacts      integer     NOT NULL,
    properties    integer     NOT NULL,
    created_at    timestamptz NOT NULL,
    search_text   text        NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);

-- Pages by name: (tenant, sort_name, customer_id) is the keyset a page continues from; a search filters that range.
CREATE INDEX IF NOT EXISTS customer_directory_by_name ON customer_directory (tenant_id, sort_name, customer_id);
