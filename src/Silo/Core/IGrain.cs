namespace Orleans;

// The marker interfaces every grain contract derives from, kept together because each is one line and
// they only make sense as a set: the key interface a contract picks decides which GetGrain overload applies.

/// <summary>Something with a grain identity: a grain, or a reference to one.</summary>
public interface IAddressable;

/// <summary>A grain contract. Derive from one of the keyed variants below, never from this directly.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain whose key is a string (for example "tenant:technician").</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain whose key is a Guid.</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>A grain whose key is a 64-bit integer.</summary>
public interface IGrainWithIntegerKey : IGrain;
