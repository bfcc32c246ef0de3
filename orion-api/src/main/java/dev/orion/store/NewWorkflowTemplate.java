package dev.orion.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * A workflow template to save in a tenant's {@link WorkflowTemplateStore}: the workflow file's text with a name,
 * a description and tags. The store gives it a version unless its text equals the latest version's.
 *
 * @param name        the template's name (1-100 characters), e.g. {@code "equation-of-state"}
 * @param content     the workflow file's text (YAML or JSON, not blank, at most 1,000,000 characters)
 * @param description what it computes (at most 2,000 characters; may be empty)
 * @param tags        its tags (each 1-100 characters)
 */
public record NewWorkflowTemplate(String name, String content, String description, Set<String> tags) {

    /** The longest template name. */
    public static final int MAX_NAME_LENGTH = 100;
    /** The longest template text. */
    public static final int MAX_CONTENT_LENGTH = 1_000_000;
    /** The longest description. */
    public static final int MAX_DESCRIPTION_LENGTH = 2_000;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the name or content is blank or too long, the description is too long or a tag
     *                                  is blank or too long
     */
    public NewWorkflowTemplate {
        StoreArguments.text("name", name, MAX_NAME_LENGTH);
        StoreArguments.text("content", content, MAX_CONTENT_LENGTH);
        Objects.requireNonNull(description, "description");
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("description is " + description.length() + " characters, above "
                    + MAX_DESCRIPTION_LENGTH);
        }
        tags = StoreArguments.tags(tags);
    }

    /**
     * @param name    the template's name
     * @param content the workflow file's text
     * @return a template without description or tags
     */
    public static NewWorkflowTemplate of(String name, String content) {
        return new NewWorkflowTemplate(name, content, "", Set.of());
    }

    /** @return the SHA-256 of the content (UTF-8), hex: equal texts have equal hashes, as orion-core's {@code Workflow.contentHash()} */
    public String contentHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
