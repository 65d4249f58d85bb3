"""aiosmtpd's Mailbox handler, except that it refuses recipients at refused.test the way a real server refuses an
unknown mailbox (550 5.1.1), so the tests can see a permanent refusal come back through SMTP."""
from aiosmtpd.handlers import Mailbox


class RefusingMailbox(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().endswith("@refused.test"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"
