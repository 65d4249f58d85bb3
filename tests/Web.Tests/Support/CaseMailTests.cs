using MimeKit;
using OrleansPortal.Web.Support.Email;

namespace OrleansPortal.Web.Tests.Support;

/// <summary>Reading support mail: machines told from people, the case a subject names, and what a person wrote above the quote.</summary>
public sealed class CaseMailTests
{
    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("Precedence", "bulk")]
    [InlineData("List-Id", "<news.example.com>")]
    [InlineData("X-Autoreply", "yes")]
    public void MailWithAMachinesMark_IsAutomatic(string header, string value)
    {
        var mail = Mail("maria@example.test", "Out of office", "Back on Monday.");
        mail.Headers.Add(header, value);
        Assert.True(CaseMail.IsAutomatic(mail, "maria@example.test"));
    }

    [Fact]
    public void APersonsMail_IsNot_ButABounceOrADaemonsIs()
    {
        var person = Mail("maria@example.test", "Leak", "Water everywhere.");
        person.Headers.Add("Auto-Submitted", "no");
        Assert.False(CaseMail.IsAutomatic(person, "maria@example.test"));
        Assert.True(CaseMail.IsAutomatic(person, null)); // the null sender: a report
        Assert.True(CaseMail.IsAutomatic(Mail("MAILER-DAEMON@relay.test", "Undelivered", "..."), "x@relay.test"));
        Assert.True(CaseMail.IsAutomatic(new MimeMessage { Body = new MultipartReport("delivery-status") }, "x@relay.test"));
    }

    [Theory]
    [InlineData("Re: [C-00042] Water in the valve box", 42L)]
    [InlineData("RE: FW: [c-7] hello", 7L)]
    [InlineData("About C-00042 without brackets", null)]
    [InlineData("[C-00000] zero", null)]
    [InlineData(null, null)]
    public void TheCaseNumber_IsReadFromItsTag(string? subject, long? number) => Assert.Equal(number, CaseMail.CaseNumberIn(subject));

    [Theory]
    [InlineData("Re: Fwd: Leak in the garden", "Leak in the garden")]
    [InlineData("RES: ENC: Fuga no jardim", "Fuga no jardim")]
    [InlineData("Re: [C-00042] Leak", "Leak")]
    [InlineData("   ", "(no subject)")]
    public void ANewCasesSubject_LosesPrefixesAndTags(string subject, string expected) => Assert.Equal(expected, CaseMail.SubjectOf(subject));

    [Fact]
    public void WhatWasWritten_StopsAtTheQuote_InEnglishOrPortuguese_AndAtTheSignature()
    {
        Assert.Equal("Here is the photo.\n\nThanks", CaseMail.TextOf(Mail("m@x.test", "Re", "Here is the photo.\n\nThanks\n\nOn Mon, 7 Dec 2026 at 10:00, Acme <support@acme.test> wrote:\n> We received your request.")));
        Assert.Equal("Está bem.", CaseMail.TextOf(Mail("m@x.test", "Re", "Está bem.\r\nEm seg., 7/12/2026 às 10:00, Acme escreveu:\r\n> Recebemos o seu pedido.")));
        Assert.Equal("Fine.", CaseMail.TextOf(Mail("m@x.test", "Re", "Fine.\n-- \nMaria Silva\nSent from my phone")));
        Assert.Equal("Top.", CaseMail.TextOf(Mail("m@x.test", "Re", "Top.\n-----Original Message-----\nFrom: Acme")));
        Assert.Equal("Inline answer", CaseMail.TextOf(Mail("m@x.test", "Re", "> quoted\nInline answer")));
        var html = new MimeMessage { Body = new TextPart("html") { Text = "<p>From the <b>web</b> mail</p>" } };
        Assert.Equal("From the web mail", CaseMail.TextOf(html));
    }

    [Fact]
    public void ASupportAddress_NamesItsCompany_AndNothingElseReadsAsOne()
    {
        var addresses = SupportAddresses.From(new SupportEmailOptions { InboundAddress = "Support@Cases.Test" })!;
        Assert.Equal("support+portodemo@cases.test", addresses.For("portodemo"));
        Assert.Equal("portodemo", addresses.TenantFor("SUPPORT+PortoDemo@cases.test"));
        foreach (var other in new[] { "support@cases.test", "help+portodemo@cases.test", "support+portodemo@elsewhere.test", "support+a b@cases.test" })
            Assert.Null(addresses.TenantFor(other));
        Assert.Null(SupportAddresses.From(new SupportEmailOptions()));
        Assert.Throws<InvalidOperationException>(() => SupportAddresses.From(new SupportEmailOptions { InboundAddress = "support+x@cases.test" }));
    }

    private static MimeMessage Mail(string from, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(from));
        return message;
    }
}
