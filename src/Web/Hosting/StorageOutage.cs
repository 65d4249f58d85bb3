using System.Data.Common;
using System.Net.Sockets;
using Orleans.Runtime;
using OrleansPortal.Grains;
using OrleansPortal.Silo.Persistence;

namespace OrleansPortal.Web.Hosting;

/// <summary>
/// Whether a failure means "the database (or a node) cannot be reached right now" rather than a bug: the client should
/// retry later (503 with Retry-After), and nothing it asked for was applied. Orleans wraps a storage provider's error in
/// its own exception, so the whole chain of inner exceptions is looked at.
/// </summary>
public static class StorageOutage
{
    /// <summary>What a 503 asks the client to wait: long enough for a restart or a failover to be under way, short enough not to lose a phone's queue.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A write that may or may not have been applied: storage could not be asked (<see cref="StorageOutcomeUnknownException"/>),
    /// or a grain call that changes something timed out (the grain may still be applying it). A read that timed out is an
    /// ordinary outage.
    /// </summary>
    public static bool OutcomeUnknown(Exception exception, HttpRequest request)
    {
        var changes = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate) return aggregate.InnerExceptions.Any(inner => OutcomeUnknown(inner, request));
            if (e is StorageOutcomeUnknownException || (changes && e is TimeoutException)) return true;
        }

        return false;
    }

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate) return aggregate.InnerExceptions.Any(Is);
            if (IsOutage(e)) return true;
        }

        return false;
    }

    private static bool IsOutage(Exception e) => e switch
    {
        // The driver's own judgement (a refused or dropped connection, a server shutting down or out of connections)...
        DbException { IsTransient: true } => true,
        // ...and the SQLSTATE classes that mean the same when a driver does not say so: connection exceptions,
        // insufficient resources, operator intervention (a shutdown, a crash restart).
        DbException { SqlState: { } state } => state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal),
        SocketException or TimeoutException => true,
        // A write of this grain's state failed a moment ago (see WriteOrDiscardStateFactory): the activation is being replaced.
        StateDiscardedException => true,
        // Our own word for it, from grains that write outside grain state (the ping history's group commit).
        StorageUnavailableException => true,
        // A node that died or is leaving: its grains come back on another node within the membership's detection time.
        SiloUnavailableException or OrleansMessageRejectionException => true,
        _ => false,
    };
}
