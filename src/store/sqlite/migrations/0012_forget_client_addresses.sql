-- Version 12: nothing of a commenter's address is kept. The keyed hashes written until now
-- could be reversed by anyone holding khabar.toml (the IPv4 space is small), and nothing
-- read them: flood control keeps addresses in memory under a daily random key, block
-- lists match the live address. The column stays (empty) so that older files still load.
UPDATE comments SET ip_hash = '';
