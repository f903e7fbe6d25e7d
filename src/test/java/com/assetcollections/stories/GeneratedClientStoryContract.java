package com.assetcollections.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.assetcollections.client.ApiClient;
import com.assetcollections.client.ApiException;
import com.assetcollections.client.api.AssetsApi;
import com.assetcollections.client.api.CollectionsApi;
import com.assetcollections.client.api.CollectionsApi.APIAddCollectionAssetsRequest;
import com.assetcollections.client.api.CollectionsApi.APICreateCollectionRequest;
import com.assetcollections.client.api.CollectionsApi.APICreateCollectionShareRequest;
import com.assetcollections.client.api.CollectionsApi.APIGetCollectionRequest;
import com.assetcollections.client.api.CollectionsApi.APIListCollectionAssetsRequest;
import com.assetcollections.client.api.CollectionsApi.APIListCollectionsRequest;
import com.assetcollections.client.model.AddCollectionAssetsRequest;
import com.assetcollections.client.model.Asset;
import com.assetcollections.client.model.Collection;
import com.assetcollections.client.model.CollectionsAssetsInner;
import com.assetcollections.client.model.CollectionsPage;
import com.assetcollections.client.model.CreateAssetRequest;
import com.assetcollections.client.model.CreateCollectionRequest;
import com.assetcollections.client.model.CreateCollectionShareRequest;
import com.assetcollections.client.model.Share;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.Fixtures;
import com.assetcollections.users.User;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The story of {@link SharingStoryContract} told by a client generated from the committed OpenAPI
 * document ({@code docs/openapi.yaml}, built into {@code com.assetcollections.client} by the
 * openapi-generator plugin): Alice creates collections and assets, lists her collections with
 * filters and sparse fields, fills one and shares it with Bob, who reads it with his own token. If
 * the document said something the service does not do, a step here fails.
 */
abstract class GeneratedClientStoryContract extends ApiTestBase {

    private User alice;
    private CollectionsApi aliceCollections;
    private AssetsApi aliceAssets;
    private CollectionsApi bobCollections;
    private long brands;
    private long pressKit;
    private final List<Long> assets = new ArrayList<>();

    @Test
    void aCollectionIsCreatedFilledSharedAndReadByTheOtherUserThroughTheGeneratedClient() throws ApiException {
        aliceAndBobHaveTokens();
        aliceCreatesAPrivateAndAPublicCollection();
        aliceListsHerCollectionsWithFiltersAndSparseFields();
        aliceCreatesTwoAssetsAndAddsThemToHerPrivateCollection();
        aliceSharesItWithBob();
        bobFindsItAmongTheCollectionsSharedWithHimWithItsAssets();
        bobReadsItAndItsAssets();
    }

    private void aliceAndBobHaveTokens() {
        alice = fixtures.user("Alice", "alice@example.com");
        User bob = fixtures.user("Bob", "bob@example.com");
        ApiClient asAlice = client(fixtures.token(alice, Fixtures.READ_WRITE));
        ApiClient asBob = client(fixtures.token(bob, Fixtures.READ_WRITE));
        aliceCollections = new CollectionsApi(asAlice);
        aliceAssets = new AssetsApi(asAlice);
        bobCollections = new CollectionsApi(asBob);
    }

    /** The generated client's way to authenticate: each request it builds passes through this. */
    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(api.base());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private void aliceCreatesAPrivateAndAPublicCollection() throws ApiException {
        Collection created = aliceCollections
                .createCollection(APICreateCollectionRequest.newBuilder()
                        .createCollectionRequest(new CreateCollectionRequest()
                                .name("Client brands")
                                .description("logos and banners"))
                        .idempotencyKey("brands-1")
                        .build())
                .getData();
        assertThat(created.getName()).isEqualTo("Client brands");
        assertThat(created.getCollectionType()).isEqualTo("private");
        assertThat(created.getOwnerId()).isEqualTo(alice.id());
        assertThat(created.getAssetsCount()).isZero();
        brands = created.getId();

        pressKit = aliceCollections
                .createCollection(APICreateCollectionRequest.newBuilder()
                        .createCollectionRequest(new CreateCollectionRequest()
                                .name("Press kit")
                                .collectionType(CreateCollectionRequest.CollectionTypeEnum.PUBLIC))
                        .build())
                .getData()
                .getId();
    }

    private void aliceListsHerCollectionsWithFiltersAndSparseFields() throws ApiException {
        CollectionsPage page = aliceCollections.listCollections(APIListCollectionsRequest.newBuilder()
                .filterMine("1")
                .filterNameStartsWith("client")
                .fieldsCollections(List.of("id", "name"))
                .build());

        assertThat(page.getMeta().getTotal()).isEqualTo(1);
        Collection only = page.getData().get(0);
        assertThat(only.getId()).isEqualTo(brands);
        assertThat(only.getName()).isEqualTo("Client brands");
        assertThat(only.getDescription()).as("left out by fields[collections]").isNull();
        assertThat(only.getCollectionType()).isNull();
        assertThat(only.getOwnerId()).isNull();
        assertThat(only.getCreatedAt()).isNull();

        CollectionsPage publicOnes = aliceCollections.listCollections(APIListCollectionsRequest.newBuilder()
                .filterPublic("1")
                .sort(List.of("-name"))
                .fieldsCollections(List.of("id", "name", "collection_type"))
                .build());
        assertThat(publicOnes.getData())
                .extracting(Collection::getId, Collection::getName, Collection::getCollectionType)
                .containsExactly(tuple(pressKit, "Press kit", "public"));
    }

    private void aliceCreatesTwoAssetsAndAddsThemToHerPrivateCollection() throws ApiException {
        for (String name : List.of("Logo", "Banner")) {
            Asset asset = aliceAssets
                    .createAsset(AssetsApi.APICreateAssetRequest.newBuilder()
                            .createAssetRequest(new CreateAssetRequest()
                                    .name(name)
                                    .assetType(CreateAssetRequest.AssetTypeEnum.IMAGE)
                                    .mimeType("image/png")
                                    .url(URI.create("https://cdn.example.com/" + name.toLowerCase() + ".png"))
                                    .tags(List.of("brand")))
                            .build())
                    .getData();
            assertThat(asset.getName()).isEqualTo(name);
            assertThat(asset.getTags()).containsExactly("brand");
            assets.add(asset.getId());
        }

        Collection filled = aliceCollections
                .addCollectionAssets(APIAddCollectionAssetsRequest.newBuilder()
                        .key(String.valueOf(brands))
                        .addCollectionAssetsRequest(new AddCollectionAssetsRequest().assetIds(assets))
                        .build())
                .getData();
        assertThat(filled.getId()).isEqualTo(brands);
        assertThat(filled.getAssetsCount()).isEqualTo(2);
    }

    private void aliceSharesItWithBob() throws ApiException {
        Share share = aliceCollections
                .createCollectionShare(APICreateCollectionShareRequest.newBuilder()
                        .key(String.valueOf(brands))
                        .createCollectionShareRequest(new CreateCollectionShareRequest().email("bob@example.com"))
                        .build())
                .getData();

        assertThat(share.getEmail()).isEqualTo("bob@example.com");
        assertThat(share.getLevel()).isEqualTo("view");
    }

    private void bobFindsItAmongTheCollectionsSharedWithHimWithItsAssets() throws ApiException {
        CollectionsPage shared = bobCollections.listCollections(APIListCollectionsRequest.newBuilder()
                .filterSharedWithMe("1")
                .include(List.of("assets"))
                .fieldsCollections(List.of("id", "name"))
                .build());

        assertThat(shared.getMeta().getTotal()).isEqualTo(1);
        Collection brandsAsBob = shared.getData().get(0);
        assertThat(brandsAsBob.getId()).isEqualTo(brands);
        assertThat(brandsAsBob.getName()).isEqualTo("Client brands");
        assertThat(brandsAsBob.getDescription()).isNull();
        assertThat(brandsAsBob.getAssets())
                .extracting(CollectionsAssetsInner::getId, CollectionsAssetsInner::getName)
                .containsExactly(tuple(assets.get(0), "Logo"), tuple(assets.get(1), "Banner"));
    }

    private void bobReadsItAndItsAssets() throws ApiException {
        Collection read = bobCollections
                .getCollection(APIGetCollectionRequest.newBuilder()
                        .key(String.valueOf(brands))
                        .build())
                .getData();
        assertThat(read.getName()).isEqualTo("Client brands");
        assertThat(read.getDescription()).isEqualTo("logos and banners");
        assertThat(read.getOwnerId()).isEqualTo(alice.id());
        assertThat(read.getAssetsCount()).isEqualTo(2);

        List<Asset> contents = bobCollections
                .listCollectionAssets(APIListCollectionAssetsRequest.newBuilder()
                        .key(String.valueOf(brands))
                        .build())
                .getData();
        assertThat(contents).extracting(Asset::getName).containsExactly("Logo", "Banner");
        assertThat(contents)
                .extracting(Asset::getUrl)
                .containsExactly("https://cdn.example.com/logo.png", "https://cdn.example.com/banner.png");
    }
}
