namespace OrleansPortal.Web.Support.Feedback;

/// <summary>The survey and reviews pages' own words, in English and Portuguese (the languages the messages come in).</summary>
public sealed record FeedbackTexts(
    string Language,
    string CsatTitle, string NpsTitle, string Visit,
    string CsatQuestion, string CsatQuestionWith, string[] CsatLabels,
    string NpsQuestion, string NpsLow, string NpsHigh,
    string Comment, string Share, string ShareName, string SharePhotos, string ShareNote, string Send,
    string Thanks, string ThanksCase, string ThanksReview, string AlreadyAnswered, string Closed, string Reviews, string ReviewsEmpty,
    string RatedOutOf, string YourScore, string PhotoAlt)
{
    private static readonly Dictionary<string, FeedbackTexts> All = new(StringComparer.Ordinal)
    {
        ["en"] = new("en", "How did we do?", "One quick question", "Visit: {0}",
            "How satisfied are you with your visit?", "How satisfied are you with your visit with {0}?",
            ["Very unsatisfied", "Unsatisfied", "Neutral", "Satisfied", "Very satisfied"],
            "How likely are you to recommend {0} to a friend or neighbour?", "Not at all likely", "Extremely likely",
            "Anything you would like to tell us? (optional)", "Share my comment as a public review", "Name shown with the review",
            "Photos (up to 3: JPEG, PNG or WebP)", "Our team reads every review before it appears on our reviews page.", "Send",
            "Thank you for your answer!", "We are sorry it was not better. Our team has your answer and will be in touch.",
            "Your review will appear once our team has read it.", "This survey was already answered. Thank you!", "This survey has closed.",
            "Reviews", "No reviews yet.", "{0} out of 5 from {1} reviews", "Your score", "Photo from a customer's review"),
        ["pt"] = new("pt", "Como correu?", "Uma pergunta rápida", "Visita: {0}",
            "Qual o seu grau de satisfação com a visita?", "Qual o seu grau de satisfação com a visita de {0}?",
            ["Muito insatisfeito", "Insatisfeito", "Neutro", "Satisfeito", "Muito satisfeito"],
            "Qual a probabilidade de recomendar a {0} a um amigo ou vizinho?", "Nada provável", "Extremamente provável",
            "Quer dizer-nos mais alguma coisa? (opcional)", "Partilhar o meu comentário como avaliação pública", "Nome a mostrar com a avaliação",
            "Fotografias (até 3: JPEG, PNG ou WebP)", "A nossa equipa lê cada avaliação antes de a publicar.", "Enviar",
            "Obrigado pela sua resposta!", "Lamentamos que não tenha corrido melhor. A nossa equipa recebeu a sua resposta e vai contactá-lo.",
            "A sua avaliação aparece depois de a nossa equipa a ler.", "Este inquérito já foi respondido. Obrigado!", "Este inquérito já fechou.",
            "Avaliações", "Ainda não há avaliações.", "{0} em 5, de {1} avaliações", "A sua nota", "Fotografia da avaliação de um cliente"),
    };

    /// <summary>
    /// A rating with one decimal as the language writes it (4.5, or 4,5 in Portuguese). By hand, because the app runs in
    /// globalization-invariant mode and has no cultures to ask.
    /// </summary>
    public string Decimal(double value)
    {
        var text = value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        return Language == "pt" ? text.Replace('.', ',') : text;
    }

    /// <summary>The first language of <c>Accept-Language</c> the pages speak, else English.</summary>
    public static FeedbackTexts For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wanted = request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant()).OfType<string>();
        return wanted.Select(All.GetValueOrDefault).FirstOrDefault(t => t is not null) ?? All["en"];
    }
}
