package dev.orion.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by
 * Selenium): log in with an API key, see usage, edit a profile and see the next routed call take the edit, read
 * and export the audit log, follow a campaign with its plot, flag one of its observations and label it in the
 * review queue. A screenshot of each page is written to
 * {@code target/screenshots/}. Skipped when Chromium is missing, unless {@code ORION_REQUIRE_ENGINES} is set.
 */
class AdminPageBrowserTest extends SampleAppTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots").toAbsolutePath();

    private WebDriver browser;
    private WebDriverWait wait;
    private Path downloads;
    private String key;
    private String campaign;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("ORION_REQUIRE_ENGINES") == null) {
            Assumptions.abort("Chromium or chromedriver is missing (apt-get install chromium chromium-driver)");
        }
        assertThat(present).as("ORION_REQUIRE_ENGINES is set: /usr/bin/chromium and /usr/bin/chromedriver must exist").isTrue();
        downloads = Files.createDirectories(DATA.resolve("downloads-" + System.nanoTime()));
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000")
                .setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        String tenant = freshTenant("admin");
        key = key(tenant, "*");
        assertThat(send("POST", "/api/profiles/summariser/test", key, "{\"prompt\":\"one\"}").statusCode()).isEqualTo(200);
        uploadCopper(key);
        HttpResponse<String> created = send("POST", "/api/campaigns", key, "{\"name\":\"Ni lattice\",\"element\":\"Ni\","
                + "\"strategy\":\"sobol\",\"evaluations\":3}");
        assertThat(created.statusCode()).isEqualTo(201);
        campaign = json(created).path("id").asText();
        flushLlmLog();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void logInSeeUsageEditAProfileExportTheAuditLogFollowACampaignAndReviewIt() throws IOException {
        browser.get("http://localhost:" + port + "/admin/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        screenshot("login");

        // a wrong key is refused on the page
        login("orion_nobody_AAAAAAAAAAAA_" + "x".repeat(43));
        wait.until(ExpectedConditions.textToBe(By.id("message"), "that API key was refused"));
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();

        login(key);
        loaded("usage");
        WebElement byFeature = browser.findElement(By.id("usage-by-feature"));
        assertThat(byFeature.getText()).contains(ProfilesController.TEST_FEATURE);
        assertThat(rowOf("usage-table", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()).getText())
                .contains(ProfilesController.TEST_FEATURE).contains(" 1 0 12 7 ");
        screenshot("usage");

        // profiles: a test prompt goes to the primary model; after the edit, to the new one
        browser.findElement(By.id("nav-profiles")).click();
        loaded("profiles");
        editButtonOf("assistant").click();
        browser.findElement(By.id("test-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-answer"), "model: small-model-v1"));
        WebElement models = browser.findElement(By.id("profile-models"));
        models.clear();
        models.sendKeys("tiny");
        browser.findElement(By.id("profile-save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "saved assistant: tiny"));
        assertThat(rowOf("profiles-table", "assistant").getText()).contains("tiny").contains("edited");
        browser.findElement(By.id("test-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-answer"), "model: tiny-model-v1"));
        assertThat(browser.findElement(By.id("test-answer")).getText()).contains("hello from tiny-model-v1");
        screenshot("profiles");

        flushLlmLog();
        browser.findElement(By.id("nav-models")).click();
        loaded("models");
        assertThat(browser.findElement(By.id("models-table")).getText()).contains("small").contains("tiny");
        assertThat(browser.findElement(By.id("profiles-usage-table")).getText()).contains("assistant").contains("summariser");
        screenshot("models");

        browser.findElement(By.id("nav-audit")).click();
        loaded("audit");
        assertThat(browser.findElement(By.id("audit-table")).getText()).contains("llm.profile.update");
        screenshot("audit");
        browser.findElement(By.id("audit-export-csv")).click();
        Path csv = downloads.resolve("audit.csv");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Files.exists(csv) && size(csv) > 0);
        String exported = Files.readString(csv);
        assertThat(exported.lines().findFirst()).hasValue("id,time,tenant,actor,action,resource_type,resource_id,details");
        assertThat(exported).contains("llm.profile.update").contains("models=tiny");

        browser.findElement(By.id("nav-campaigns")).click();
        loaded("campaigns");
        rowOf("campaigns-table", "Ni lattice").findElement(By.className("open-campaign")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("campaign-summary"), "3 evaluations"));
        wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('campaign-plot'); return i.complete && i.naturalWidth > 100;"));
        assertThat(browser.findElement(By.id("observations-table")).findElements(By.cssSelector("tbody tr"))).hasSize(3);
        screenshot("campaigns");

        // review: flag the first observation, claim it, correct its energy; it leaves the waiting list
        WebElement observation = browser.findElement(By.id("observations-table")).findElements(By.cssSelector("tbody tr")).get(0);
        String a = observation.findElements(By.tagName("td")).get(1).getText();
        observation.findElement(By.className("flag-observation")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "flagged a = " + a + " Å for review"));
        browser.findElement(By.id("nav-reviews")).click();
        loaded("reviews");
        WebElement waiting = rowOf("reviews-table", "Ni lattice");
        assertThat(waiting.getText()).contains(a).contains("flagged on the admin page").contains("PENDING");
        waiting.findElement(By.className("claim-review")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-form")));
        assertThat(rowOf("reviews-table", "Ni lattice").getText()).contains("CLAIMED by api-key:");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("review-verdict"))).selectByVisibleText("CORRECT");
        WebElement value = browser.findElement(By.id("review-value"));
        value.clear();
        value.sendKeys("-4.4");
        browser.findElement(By.id("review-comment")).sendKeys("remeasured");
        screenshot("review-claimed");
        browser.findElement(By.id("review-label")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "labelled CORRECT; the campaign has a new observation"));
        assertThat(browser.findElement(By.id("reviews-table")).getText()).doesNotContain("Ni lattice").contains("nothing yet");
        assertThat(rowOf("reviewed-table", "Ni lattice").getText()).contains(a).contains("CORRECT").contains("-4.4000")
                .contains("remeasured");
        assertThat(browser.findElement(By.id("review-form")).isDisplayed()).isFalse();
        screenshot("reviews");
        assertThat(json(get("/api/campaigns/" + campaign, key)).path("evaluations").asInt()).isEqualTo(4);
    }

    private void login(String apiKey) {
        WebElement field = browser.findElement(By.id("api-key"));
        field.clear();
        field.sendKeys(apiKey);
        browser.findElement(By.id("login")).click();
    }

    private void loaded(String page) {
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", page));
    }

    private WebElement rowOf(String table, String firstCell) {
        return browser.findElement(By.id(table)).findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.findElements(By.tagName("td")).get(0).getText().equals(firstCell)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + firstCell + " in " + table));
    }

    private WebElement editButtonOf(String profile) {
        return rowOf("profiles-table", profile).findElement(By.className("edit-profile"));
    }

    private void screenshot(String page) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve("admin-" + page + ".png"), png);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
