package dev.tagrouter.routing;

/** An earlier turn of the conversation; it is billed as input but not tagged. */
public record ChatMessage(String role, String content) {
}
