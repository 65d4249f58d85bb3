namespace OrleansPortal.Web.Chat;

/// <summary>What chat connections receive: messages of the threads they joined, and for the team, activity in any thread of the company.</summary>
public interface IChatClient
{
    Task Message(ChatMessageDto message);

    Task ThreadActivity(ThreadActivityDto activity);

    /// <summary>Someone of the other side is typing in a thread the connection joined.</summary>
    Task Typing(TypingDto typing);
}
