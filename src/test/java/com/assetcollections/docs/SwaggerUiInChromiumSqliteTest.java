package com.assetcollections.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.HeadlessChromium;
import com.assetcollections.support.OnSqlite;
import com.assetcollections.support.RequiresChromium;
import com.assetcollections.users.User;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person reads the browser docs in Chromium: opens {@code /docs}, enters a token under
 * "Authorize", and lists collections with "Try it out", as the running service answers them.
 */
@OnSqlite
@RequiresChromium
class SwaggerUiInChromiumSqliteTest extends ApiTestBase {

    private static final By LIST_COLLECTIONS = By.id("operations-collections-listCollections");
    private static final By LIVE_RESPONSE = By.cssSelector(".live-responses-table .response");

    private static HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void quitBrowser() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @Test
    void listsTheCallersCollectionsWithTheTokenEnteredUnderAuthorize() {
        User alice = fixtures.user("Alice");
        String token = fixtures.token(alice);
        fixtures.collection(alice, "Holiday sketches").create();
        fixtures.collection(alice, "Tax receipts").create();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        openTheDocs();
        authorizeWith(token);
        WebElement operation = expand(LIST_COLLECTIONS);
        click(operation, By.cssSelector(".try-out__btn"));
        click(operation, By.cssSelector(".btn.execute"));

        WebElement live = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(operation, LIVE_RESPONSE))
                .get(0);
        assertThat(operation.findElement(By.cssSelector(".request-url pre")).getText())
                .startsWith("http://localhost:" + port + "/api/v2/collections?");
        assertThat(live.findElement(By.cssSelector(".response-col_status")).getText())
                .isEqualTo("200");
        // both are private: listed only because the token entered under "Authorize" was sent
        assertThat(live.findElement(By.cssSelector(".response-col_description")).getText())
                .contains("\"name\": \"Holiday sketches\"", "\"name\": \"Tax receipts\"");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    private void openTheDocs() {
        browser.get("http://localhost:" + port + "/docs");
        wait.until(ExpectedConditions.visibilityOfElementLocated(LIST_COLLECTIONS));
    }

    private void authorizeWith(String token) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper .btn.authorize")))
                .click();
        WebElement dialog =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dialog-ux .modal-ux")));
        dialog.findElement(By.cssSelector("input[aria-label='auth-bearer-value']"))
                .sendKeys(token);
        click(dialog, By.cssSelector(".auth-btn-wrapper .btn.authorize"));
        click(dialog, By.cssSelector(".auth-btn-wrapper .btn-done"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".dialog-ux")));
    }

    private WebElement expand(By operation) {
        WebElement block = browser.findElement(operation);
        click(block, By.cssSelector(".opblock-summary-control"));
        wait.until(ExpectedConditions.attributeContains(block, "class", "is-open"));
        return block;
    }

    /** Clicks {@code button} inside {@code within} once it is there and can be clicked (React draws it later). */
    private void click(WebElement within, By button) {
        WebElement element = wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(within, button));
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }
}
