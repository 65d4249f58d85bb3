using System.Data.Common;
using System.Net.Sockets;
using Orleans;

namespace OrleansPortal.Silo.Persistence;

/// <summary>
/// Whether a failed database write may have been applied all the same. A write that could not even connect was not;
/// a write whose connection broke after the statement (or its COMMIT) was sent may have been: the server can commit
/// and die, or the network drop the answer. Only the second kind is ambiguous, and only it needs the database asked
/// again before anyone is told "not applied".
/// </summary>
public static class WriteOutcome
{
    public static bool MayHaveBeenApplied(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Npgsql says which side of the socket failed, in words only: a failed write sent no complete statement,
                // and a failed connect sent none.
                case DbException when e.Message.StartsWith("Exception while writing to stream", StringComparison.Ordinal)
                                   || e.Message.StartsWith("Failed to connect", StringComparison.Ordinal):
                    return false;
                // Refused or unreachable at connect, or a server that is starting up or recovering: nothing was sent.
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable }:
                    return false;
                case DbException { SqlState: "57P03" }:
                    return false;
                // The connection broke while a statement was under way (the server terminated it, the stream ended, a
                // read timed out): what the server did with it is unknown.
                case IOException or TimeoutException:
                    return true;
                case DbException { SqlState: "57P01" or "57P02" or "08006" or "08003" or "08007" }:
                    return true;
            }
        }

        return false; // a statement the database answered with an error: not applied
    }
}

/// <summary>
/// A write failed in a way that may or may not have applied it (its connection broke after the statement was sent),
/// and the database could not be asked which. Nobody can truthfully say "nothing was changed", so the web edge gives
/// no answer at all, as a server that died would; the client's retry finds out.
/// </summary>
/// The failure itself stays on the silo (its driver exceptions need not cross): its message is in this one's.
[GenerateSerializer, Alias("op.StorageOutcomeUnknownException")]
public sealed class StorageOutcomeUnknownException(string message) : Exception(message);
