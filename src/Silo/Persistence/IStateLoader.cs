namespace Orleans.Runtime;

/// <summary>Something the activation loads before OnActivateAsync (persistent states).</summary>
internal interface IStateLoader
{
    Task LoadAsync();
}
