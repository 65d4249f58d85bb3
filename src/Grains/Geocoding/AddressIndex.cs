using OrleansPortal.Grains.Routing;

namespace OrleansPortal.Grains.Geocoding;

/// <summary>
/// An offline geocoder over an extract's streets and numbered addresses (<see cref="OsmAddressData"/>): autocomplete
/// for what a dispatcher types, and the nearest address to a point. Built once, then read-only: any number of threads
/// may query it at once. No I/O: <see cref="OsmAddressReader"/> reads the file.
/// <para>
/// Matching: the query is folded (<see cref="SearchText"/>) into words, and every word must begin a different word of
/// the street's name, postcode or city ("r s cat" finds "Rua de Santa Catarina"). One word with a digit may instead
/// be the house number, matched against the start of the street's numbers; a number the extract does not have still
/// gives the street, at <see cref="AddressPrecision.Street"/> precision. Words after a comma are the locality: they
/// rank the answers when they match, and never remove one.
/// </para>
/// <para>
/// Ranking: whole words matched before words begun, the name's words before the postcode's and the town's, fewer words
/// of the name left unmatched (particles such as "de" and "da" do not count), words in the name's order, an exact house
/// number before numbers that only begin with it, before a number the street does not have; then streets for traffic
/// before service roads and paths, longer before shorter, houses by number.
/// </para>
/// </summary>
public sealed class AddressIndex
{
    /// <summary>Words of a query beyond this many are ignored (an address has fewer; it bounds the work per query).</summary>
    public const int MaxQueryWords = 12;

    // What each word of a query earns where it matches. A postcode or town is weaker evidence than a word of the name,
    // and a number is worth more as a house the street has than as part of its postcode ("Rua X 5", not "4760-505").
    private const int WholeWord = 100, BegunWord = 70, WholePlaceWord = 60, BegunPlaceWord = 40, UnmatchedNameWord = -8, InOrder = 5;
    private const int ExactHouse = 110, HouseBegun = 80, NumberNotMapped = 50, LocalityWord = 20;

    private readonly StreetEntry[] _streets;
    private readonly string[] _words;          // every word of every street, sorted ordinally
    private readonly int[][] _streetsByWord;   // for each of _words, the streets that have it, ascending
    private readonly NodeGrid _houseGrid;
    private readonly (int Street, int House)[] _houseAt;
    private readonly NodeGrid _streetGrid;
    private readonly GeoPoint[] _streetPoints;
    private readonly int[] _streetAt;

    private AddressIndex(List<StreetEntry> streets)
    {
        _streets = [.. streets];
        var byWord = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var s = 0; s < _streets.Length; s++)
        {
            foreach (var word in _streets[s].Tokens.Distinct())
            {
                if (!byWord.TryGetValue(word, out var list)) byWord[word] = list = [];
                list.Add(s);
            }
        }
        _words = [.. byWord.Keys];
        _streetsByWord = [.. byWord.Values.Select(l => l.ToArray())];

        _houseAt = [.. _streets.SelectMany((s, i) => s.Houses.Select((_, h) => (i, h)))];
        _houseGrid = new NodeGrid([.. _houseAt.Select(a => _streets[a.Street].Houses[a.House].Location)]);

        // Reverse lookups snap to the street's own nodes; a street known only from its houses is found by them.
        _streetAt = [.. _streets.SelectMany((street, i) => street.Points.Select(_ => i))];
        _streetPoints = [.. _streets.SelectMany(street => street.Points)];
        _streetGrid = new NodeGrid(_streetPoints);
    }

    public static AddressIndex Build(OsmAddressData data) => new(AddressIndexBuilder.Build(data));

    /// <summary>Streets in the index (the ways of one name that lie together count once).</summary>
    public int StreetCount => _streets.Length;

    /// <summary>Numbered addresses in the index.</summary>
    public int HouseCount => _houseAt.Length;

    /// <summary>Up to <paramref name="limit"/> suggestions for what was typed, best first; none for a query without letters or digits.</summary>
    public IReadOnlyList<AddressSuggestion> Suggest(string query, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var comma = query.IndexOf(',', StringComparison.Ordinal);
        var words = JoinHouseLetters(SearchText.Words(comma < 0 ? query : query[..comma])).Take(MaxQueryWords).ToArray();
        var locality = comma < 0 ? [] : SearchText.Words(query[(comma + 1)..]).Take(MaxQueryWords).ToArray();
        if (words.Length == 0) return [];

        // Scored by their best reading first; suggestions are made only for the streets that can make the list.
        var readings = new PriorityQueue<Reading, Reading>(limit + 1, ReadingOrder.Worst);
        foreach (var s in Candidates(words))
        {
            var street = _streets[s];
            Reading? best = null;
            // Each word with a digit may be the house number (one at most), or a word of the name ("Rua 31 de Janeiro").
            for (var house = -1; house < words.Length; house++)
            {
                if (house >= 0 && (words.Length == 1 || !AddressText.HasDigit(words[house]))) continue;
                if (Match(street, words, house) is not { } score) continue;
                score += LocalityScore(street, locality);
                var top = score + (house < 0 ? 0 : NumberScore(street, words[house]));
                if (best is null || top > best.Value.Top) best = new Reading(s, house, score, top, street.Importance);
            }
            if (best is not { } reading) continue;
            // Keeps the best `limit` streets without sorting thousands: a reading no better than the worst kept is dropped at once.
            if (readings.Count == limit && ReadingOrder.Worst.Compare(reading, readings.Peek()) <= 0) continue;
            readings.Enqueue(reading, reading);
            if (readings.Count > limit) readings.Dequeue();
        }
        var found = new List<Scored>();
        while (readings.TryDequeue(out var reading, out _))
        {
            found.AddRange(Answers(_streets[reading.Street], words, reading.House, reading.Score, limit));
        }
        return [.. found
            .OrderByDescending(f => f.Score)
            .ThenByDescending(f => f.Importance)
            .ThenBy(f => f.HouseOrder)
            .ThenBy(f => f.Suggestion.Label, StringComparer.Ordinal)
            .Select(f => f.Suggestion)
            .DistinctBy(s => (s.Label, s.Location))
            .Take(limit)];
    }

    /// <summary>"12 a" is house 12A, as people write it: a lone letter after a number joins the number.</summary>
    private static IEnumerable<string> JoinHouseLetters(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (i + 1 < words.Length && AddressText.HasDigit(words[i]) && words[i + 1] is [var letter] && char.IsLetter(letter))
            {
                yield return words[i] + letter;
                i++;
            }
            else
            {
                yield return words[i];
            }
        }
    }

    /// <summary>
    /// The address nearest <paramref name="point"/>: a numbered house within <paramref name="houseMeters"/>, else the
    /// nearest street within <paramref name="streetMeters"/> (positioned at its node nearest the point); null when
    /// neither is that close.
    /// </summary>
    public AddressSuggestion? Nearest(GeoPoint point, double houseMeters = 60, double streetMeters = 250)
    {
        if (_houseGrid.TryFindNearest(point, houseMeters, out var h, out _))
        {
            var (s, i) = _houseAt[h];
            return HouseSuggestion(_streets[s], _streets[s].Houses[i]);
        }
        if (_streetGrid.TryFindNearest(point, streetMeters, out var n, out _))
        {
            var street = _streets[_streetAt[n]];
            return StreetSuggestion(street, null) with { Location = _streetPoints[n] };
        }
        return null;
    }

    /// <summary>
    /// Streets that might match: those with a word beginning the query's most selective word without a digit (a word
    /// with a digit may be a house number, which no street word need begin); the first word when all have digits.
    /// </summary>
    private IEnumerable<int> Candidates(string[] words)
    {
        var required = words.Where(w => !AddressText.HasDigit(w)).DefaultIfEmpty(words[0]);
        var (lo, hi) = required.Select(WordRange).MinBy(r => Postings(r.Lo, r.Hi));
        if (hi - lo == 1) return _streetsByWord[lo];
        var union = new List<int>(Postings(lo, hi));
        for (var w = lo; w < hi; w++) union.AddRange(_streetsByWord[w]);
        union.Sort();
        var distinct = 0;
        for (var i = 0; i < union.Count; i++)
        {
            if (i == 0 || union[i] != union[i - 1]) union[distinct++] = union[i];
        }
        union.RemoveRange(distinct, union.Count - distinct);
        return union;
    }

    private int Postings(int lo, int hi)
    {
        var total = 0;
        for (var w = lo; w < hi; w++) total += _streetsByWord[w].Length;
        return total;
    }

    /// <summary>The run of <see cref="_words"/> that begin with <paramref name="prefix"/>.</summary>
    private (int Lo, int Hi) WordRange(string prefix)
    {
        int lo = 0, hi = _words.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_words[mid], prefix) < 0) lo = mid + 1;
            else hi = mid;
        }
        var end = lo;
        while (end < _words.Length && _words[end].StartsWith(prefix, StringComparison.Ordinal)) end++;
        return (lo, end);
    }

    /// <summary>
    /// How well the words (all but <paramref name="house"/>) match the street's words, each a different one; null when one
    /// does not match. A whole word is taken before one it only begins, so "rua" prefers "rua" to "ruas".
    /// </summary>
    private static int? Match(StreetEntry street, string[] words, int house)
    {
        var tokens = street.Tokens;
        ulong used = 0;
        int score = 0, last = -1;
        var ordered = true;
        for (var w = 0; w < words.Length; w++)
        {
            if (w == house) continue;
            var at = FindUnused(tokens, used, words[w], whole: true);
            var whole = at >= 0;
            if (!whole) at = FindUnused(tokens, used, words[w], whole: false);
            if (at < 0) return null;
            used |= 1UL << at;
            score += at < street.NameTokenCount ? (whole ? WholeWord : BegunWord) : (whole ? WholePlaceWord : BegunPlaceWord);
            ordered &= at > last;
            last = at;
        }
        var unmatched = ~used & street.NameWordsToMatch;
        score += System.Numerics.BitOperations.PopCount(unmatched) * UnmatchedNameWord;
        return ordered ? score + InOrder : score;
    }

    private static int FindUnused(string[] tokens, ulong used, string word, bool whole)
    {
        for (var t = 0; t < tokens.Length; t++)
        {
            if ((used & (1UL << t)) == 0 && (whole ? tokens[t] == word : tokens[t].StartsWith(word, StringComparison.Ordinal))) return t;
        }
        return -1;
    }

    /// <summary>Locality words (after a comma) that begin a word of the street's postcode or city.</summary>
    private static int LocalityScore(StreetEntry street, string[] locality)
    {
        var score = 0;
        foreach (var word in locality)
        {
            for (var t = street.NameTokenCount; t < street.Tokens.Length; t++)
            {
                if (!street.Tokens[t].StartsWith(word, StringComparison.Ordinal)) continue;
                score += LocalityWord;
                break;
            }
        }
        return score;
    }

    /// <summary>The suggestions of one street for one reading of the query: its houses the number begins, and the street itself.</summary>
    private static List<Scored> Answers(StreetEntry street, string[] words, int house, int score, int limit)
    {
        var answers = new List<Scored>();
        if (house < 0)
        {
            answers.Add(new Scored(StreetSuggestion(street, null), score, street.Importance, 0));
            return answers;
        }
        var typed = words[house];
        var exact = false;
        foreach (var h in street.HousesStartingWith(typed))
        {
            exact |= h.Key == typed;
            answers.Add(new Scored(HouseSuggestion(street, h), score + (h.Key == typed ? ExactHouse : HouseBegun), street.Importance, h.Order));
        }
        answers.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.HouseOrder.CompareTo(b.HouseOrder));
        if (answers.Count > limit) answers.RemoveRange(limit, answers.Count - limit);
        // The number as typed, on the street: the extract maps few houses, and the dispatcher may know better.
        if (!exact) answers.Add(new Scored(StreetSuggestion(street, typed.ToUpperInvariant()), score + NumberNotMapped, street.Importance, AddressText.HouseOrder(typed)));
        return answers;
    }

    private static AddressSuggestion HouseSuggestion(StreetEntry street, House house)
    {
        var postcode = house.Postcode ?? street.Postcode;
        var city = house.City ?? street.City;
        return new AddressSuggestion(AddressSuggestion.LabelOf(street.Name, house.Number, postcode, city), street.Name, house.Number, postcode, city, house.Location, AddressPrecision.House);
    }

    private static AddressSuggestion StreetSuggestion(StreetEntry street, string? typedNumber) =>
        new(AddressSuggestion.LabelOf(street.Name, typedNumber, street.Postcode, street.City), street.Name, typedNumber, street.Postcode, street.City, street.Position, AddressPrecision.Street);

    /// <summary>What the number scores on this street: an exact house, houses it begins, or no such house mapped.</summary>
    private static int NumberScore(StreetEntry street, string typed)
    {
        var houses = street.HousesStartingWith(typed);
        return houses.Length == 0 ? NumberNotMapped : houses[0].Key == typed ? ExactHouse : HouseBegun; // the exact key sorts first
    }

    /// <summary>One street's best reading of the query: which word is the house number (-1: none), its score, and its best answer's.</summary>
    private readonly record struct Reading(int Street, int House, int Score, int Top, int Importance);

    /// <summary>Readings from worst to best: the head of the queue is the one to drop.</summary>
    private sealed class ReadingOrder : IComparer<Reading>
    {
        public static readonly ReadingOrder Worst = new();

        public int Compare(Reading a, Reading b) =>
            a.Top != b.Top ? a.Top.CompareTo(b.Top) : a.Importance != b.Importance ? a.Importance.CompareTo(b.Importance) : b.Street.CompareTo(a.Street);
    }

    private readonly record struct Scored(AddressSuggestion Suggestion, int Score, int Importance, int HouseOrder);
}
