"""aiosmtpd's Mailbox handler, behaving like a mail server in two more ways the tests need to see come back through SMTP:

- it refuses recipients at refused.test the way a real server refuses an unknown mailbox (550 5.1.1), during the session;
- it accepts recipients at bounce.test and then gives up on them the way a relay does after it took a message: a delivery
  status notification (RFC 3464, multipart/report; report-type=delivery-status) from the null sender to the message's
  envelope sender, with the original's headers. The local part says why: "full..." is a full mailbox (5.2.2), anything
  else an unknown one (5.1.1). The bounce goes by SMTP to 127.0.0.1 at the port written in the file "bounce-to" in the
  maildir (the app's own receiver, which the tests start per app); without that file nothing is bounced.
"""
import asyncio
import email.utils
import os
import smtplib

from aiosmtpd.handlers import Mailbox

BOUNCE_DOMAIN = "@bounce.test"


class RefusingMailbox(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().endswith("@refused.test"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        answer = await super().handle_DATA(server, session, envelope)
        bounced = [r for r in envelope.rcpt_tos if r.lower().endswith(BOUNCE_DOMAIN)]
        port = self._bounce_port()
        if bounced and envelope.mail_from and port:
            # After the 250, as a relay does: the sender has long been told the message was taken.
            loop = asyncio.get_running_loop()
            loop.run_in_executor(None, send_bounce, port, envelope.mail_from, bounced, bytes(envelope.original_content or envelope.content))
        return answer

    def _bounce_port(self):
        try:
            with open(os.path.join(self.mail_dir, "bounce-to")) as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None


def send_bounce(port, return_path, recipients, original):
    headers = original.split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace")
    per_recipient = "\r\n\r\n".join(
        f"Final-Recipient: rfc822; {r}\r\nAction: failed\r\nStatus: {status(r)}\r\n"
        f"Diagnostic-Code: smtp; 550 {status(r)} <{r}>: {reason(r)}" for r in recipients)
    boundary = "bounce-" + email.utils.make_msgid().strip("<>").replace("@", ".")
    report = (
        "From: Mail Delivery System <MAILER-DAEMON@relay.test>\r\n"
        f"To: <{return_path}>\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        f"Date: {email.utils.formatdate()}\r\n"
        f"Message-Id: {email.utils.make_msgid(domain='relay.test')}\r\n"
        "Auto-Submitted: auto-replied\r\n"
        "MIME-Version: 1.0\r\n"
        f"Content-Type: multipart/report; report-type=delivery-status; boundary=\"{boundary}\"\r\n"
        "\r\n"
        f"--{boundary}\r\n"
        "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
        "This is the mail system at relay.test. Your message could not be delivered.\r\n\r\n"
        f"--{boundary}\r\n"
        "Content-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; relay.test\r\n\r\n"
        f"{per_recipient}\r\n\r\n"
        f"--{boundary}\r\n"
        "Content-Type: text/rfc822-headers\r\n\r\n"
        f"{headers}\r\n\r\n"
        f"--{boundary}--\r\n")
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as relay:
        relay.sendmail("", [return_path], report.encode("utf-8"))


def status(recipient):
    return "5.2.2" if recipient.lower().startswith("full") else "5.1.1"


def reason(recipient):
    return "Mailbox full" if status(recipient) == "5.2.2" else "Recipient address rejected: User unknown"
