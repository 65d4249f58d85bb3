using System.ComponentModel.DataAnnotations;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Web.Notifications.Composer;

/// <summary>
/// A message the team writes to one contact of a customer: on <see cref="Channel"/> (Email, Sms, InApp), either from the
/// company's template for <see cref="Trigger"/> or, with no trigger (or "Message"), as free <see cref="Text"/> framed by the
/// Message template. <see cref="Subject"/> replaces the template's subject (email) or title (in-app). <see cref="Language"/>
/// ("en", "pt") defaults to the company's default message language. <see cref="Marketing"/> makes it a marketing message:
/// free text by email or SMS, sent only to a contact who opted in, with an unsubscribe link (email) or the STOP hint (SMS).
/// </summary>
public sealed record SendMessageRequest(
    [property: MaxLength(InputLimits.Id)] string? ContactId,
    [property: MaxLength(InputLimits.Code)] string? Channel,
    [property: MaxLength(InputLimits.Code)] string? Trigger,
    [property: MaxLength(InputLimits.Code)] string? Language,
    [property: MaxLength(TemplateValidator.MaxSubjectLength)] string? Subject,
    [property: MaxLength(InputLimits.Text)] string? Text,
    bool? Marketing = null);

/// <summary>The message was stored in the outbox; <see cref="Id"/> is its id in the customer's timeline.</summary>
public sealed record MessageAcceptedDto(string Id);
