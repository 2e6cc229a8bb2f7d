/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n": typeof types.MeDocument,
    "\n  query AdminViewer {\n    me {\n      id\n      role\n    }\n  }\n": typeof types.AdminViewerDocument,
    "\n  subscription AdminAvatarUpdated($id: ID!) {\n    avatarUpdated(id: $id) {\n      id\n      ...PublicAvatarRow_avatar\n    }\n  }\n": typeof types.AdminAvatarUpdatedDocument,
    "\n  query AdminProjects {\n    me {\n      id\n      projects(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminProjectsDocument,
    "\n  query AdminStudioImages($projectId: ID!) {\n    project(id: $projectId) {\n      id\n      images(first: 48) {\n        edges {\n          node {\n            id\n            status\n            nsfw\n            prompt\n            imageUrl\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminStudioImagesDocument,
    "\n  fragment PublicAvatarRow_avatar on Avatar {\n    id\n    name\n    status\n    failureReason\n    imageUrl\n    videoUrl\n    createdAt\n    tags {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.PublicAvatarRow_AvatarFragmentDoc,
    "\n  query AdminPublicAvatars($first: Int!, $after: String, $search: String) {\n    tagCategories {\n      id\n      ...TagPicker_category\n    }\n    adminPublicAvatars(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...PublicAvatarRow_avatar\n        }\n      }\n    }\n  }\n": typeof types.AdminPublicAvatarsDocument,
    "\n  fragment TagPicker_category on TagCategory {\n    id\n    name\n    tags {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.TagPicker_CategoryFragmentDoc,
    "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiKeyRow_ApiKeyFragmentDoc,
    "\n  query AdminApiKeys {\n    apiKeys {\n      id\n      ...ApiKeyRow_apiKey\n    }\n  }\n": typeof types.AdminApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      ... on MutationCreateApiKeySuccess {\n        data {\n          key\n          apiKey {\n            id\n            ...ApiKeyRow_apiKey\n          }\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation CreatePublicAvatar($input: CreatePublicAvatarInput!) {\n    createPublicAvatar(input: $input) {\n      ... on MutationCreatePublicAvatarSuccess {\n        data {\n          id\n          ...PublicAvatarRow_avatar\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.CreatePublicAvatarDocument,
    "\n  mutation CreateTagCategory($input: CreateTagCategoryInput!) {\n    createTagCategory(input: $input) {\n      ... on MutationCreateTagCategorySuccess {\n        data {\n          id\n          ...CategoryItem_category\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.CreateTagCategoryDocument,
    "\n  mutation CreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      ... on MutationCreateTagSuccess {\n        data {\n          id\n          ...TagItem_tag\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.CreateTagDocument,
    "\n  mutation DeletePublicAvatar($input: DeleteAvatarInput!) {\n    deleteAvatar(input: $input) {\n      __typename\n      ... on MutationDeleteAvatarSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.DeletePublicAvatarDocument,
    "\n  mutation DeleteTagCategory($input: DeleteTagCategoryInput!) {\n    deleteTagCategory(input: $input) {\n      __typename\n      ... on MutationDeleteTagCategorySuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.DeleteTagCategoryDocument,
    "\n  mutation DeleteTag($input: DeleteTagInput!) {\n    deleteTag(input: $input) {\n      __typename\n      ... on MutationDeleteTagSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.DeleteTagDocument,
    "\n  mutation RenameTagCategory($input: RenameTagCategoryInput!) {\n    renameTagCategory(input: $input) {\n      __typename\n      ... on MutationRenameTagCategorySuccess {\n        data {\n          __typename\n          id\n          name\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.RenameTagCategoryDocument,
    "\n  mutation RenameTag($input: RenameTagInput!) {\n    renameTag(input: $input) {\n      __typename\n      ... on MutationRenameTagSuccess {\n        data {\n          __typename\n          id\n          name\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.RenameTagDocument,
    "\n  mutation ReorderTagCategories($input: ReorderTagCategoriesInput!) {\n    reorderTagCategories(input: $input) {\n      __typename\n      ... on MutationReorderTagCategoriesSuccess {\n        data {\n          __typename\n          id\n          position\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.ReorderTagCategoriesDocument,
    "\n  mutation ReorderTags($input: ReorderTagsInput!) {\n    reorderTags(input: $input) {\n      __typename\n      ... on MutationReorderTagsSuccess {\n        data {\n          __typename\n          id\n          tags {\n            __typename\n            id\n            position\n          }\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.ReorderTagsDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on MutationRevokeApiKeySuccess {\n        data {\n          __typename\n          id\n          revokedAt\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation UpdatePublicAvatar($input: UpdatePublicAvatarInput!) {\n    updatePublicAvatar(input: $input) {\n      __typename\n      ... on MutationUpdatePublicAvatarSuccess {\n        data {\n          __typename\n          id\n          name\n          tags {\n            __typename\n            id\n            slug\n            name\n          }\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.UpdatePublicAvatarDocument,
    "\n  fragment CategoryItem_category on TagCategory {\n    id\n    name\n    slug\n    position\n    tags {\n      id\n      ...TagItem_tag\n    }\n  }\n": typeof types.CategoryItem_CategoryFragmentDoc,
    "\n  fragment TagItem_tag on Tag {\n    id\n    name\n    slug\n    position\n    avatarCount\n  }\n": typeof types.TagItem_TagFragmentDoc,
    "\n  query AdminTags {\n    tagCategories {\n      id\n      ...CategoryItem_category\n    }\n  }\n": typeof types.AdminTagsDocument,
    "\n  query AdminUsageByUser($period: UsagePeriod!, $first: Int!, $after: String) {\n    usageByUser(period: $period, first: $first, after: $after) {\n      __typename\n      ... on UserUsageConnection {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            userId\n            ...UserUsageRow_usage\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.AdminUsageByUserDocument,
    "\n  fragment UserUsageRow_usage on UserUsage {\n    userId\n    email\n    name\n    usage {\n      generations\n      succeeded\n      failed\n      pending\n      totalCost\n      byModel {\n        model\n        count\n        cost\n      }\n    }\n  }\n": typeof types.UserUsageRow_UsageFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ... on MutationSignInSuccess {\n        data {\n          token\n        }\n      }\n      ...FormErrors_error\n      ... on RateLimitedError {\n        retryAfter\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut(input: {}) {\n      ... on MutationSignOutSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ... on MutationSignUpSuccess {\n        data {\n          token\n        }\n      }\n      ...FormErrors_error\n      ... on ConflictError {\n        path\n      }\n      ... on RateLimitedError {\n        retryAfter\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  fragment CatalogCard_avatar on Avatar {\n    id\n    name\n    imageUrl\n    videoUrl\n    tags {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.CatalogCard_AvatarFragmentDoc,
    "\n  query Catalog($first: Int!, $after: String, $tags: [String!], $search: String, $orderBy: CatalogOrder) {\n    tagCategories {\n      id\n      slug\n      name\n    }\n    publicAvatars(first: $first, after: $after, tags: $tags, search: $search, orderBy: $orderBy) {\n      __typename\n      ... on PublicAvatarConnection {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...CatalogCard_avatar\n          }\n        }\n        facets {\n          count\n          tag {\n            id\n            slug\n            name\n            category {\n              id\n              slug\n              name\n            }\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.CatalogDocument,
    "\n  query CatalogAvatar($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Avatar {\n        name\n        imageUrl\n      }\n    }\n    quote(input: { kind: AVATAR }) {\n      estimatedCost\n    }\n  }\n": typeof types.CatalogAvatarDocument,
    "\n  mutation QuickProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ... on MutationCreateProjectSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.QuickProjectDocument,
    "\n  fragment LibraryCard_avatar on Avatar {\n    id\n    name\n    status\n    imageUrl\n    videoUrl\n    project {\n      id\n      name\n    }\n  }\n": typeof types.LibraryCard_AvatarFragmentDoc,
    "\n  query Library($first: Int!, $projectId: ID, $status: GenerationStatus) {\n    me {\n      id\n      projects(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n      avatars(first: $first, projectId: $projectId, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n        }\n        edges {\n          node {\n            id\n            ...LibraryCard_avatar\n          }\n        }\n      }\n    }\n  }\n": typeof types.LibraryDocument,
    "\n  query ProjectChoices {\n    me {\n      id\n      projects(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectChoicesDocument,
    "\n  mutation AddAvatarToProject($input: AddAvatarToProjectInput!) {\n    addAvatarToProject(input: $input) {\n      ... on MutationAddAvatarToProjectSuccess {\n        data {\n          id\n          ...AvatarCard_avatar\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.AddAvatarToProjectDocument,
    "\n  mutation RemoveAvatarFromProject($input: RemoveAvatarFromProjectInput!) {\n    removeAvatarFromProject(input: $input) {\n      __typename\n      ... on MutationRemoveAvatarFromProjectSuccess {\n        data {\n          __typename\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.RemoveAvatarFromProjectDocument,
    "\n  query Quote($input: QuoteInput!) {\n    quote(input: $input) {\n      estimatedCost\n    }\n  }\n": typeof types.QuoteDocument,
    "\n  fragment ProjectRow_project on Project {\n    id\n    name\n    updatedAt\n    avatars(first: 1) {\n      totalCount\n    }\n    bRolls(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.ProjectRow_ProjectFragmentDoc,
    "\n  query Projects {\n    me {\n      id\n      projects(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            ...ProjectRow_project\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectsDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ... on MutationCreateProjectSuccess {\n        data {\n          id\n          name\n          updatedAt\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.CreateProjectDocument,
    "\n  mutation DeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      ... on MutationDeleteProjectSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.DeleteProjectDocument,
    "\n  mutation RenameProject($input: RenameProjectInput!) {\n    renameProject(input: $input) {\n      ... on MutationRenameProjectSuccess {\n        data {\n          id\n          name\n          updatedAt\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.RenameProjectDocument,
    "\n  fragment AvatarCard_avatar on Avatar {\n    id\n    name\n    status\n    imageUrl\n    videoUrl\n    failureReason\n    aspectRatio\n    durationSeconds\n    quality\n    createdAt\n    project {\n      __typename\n      id\n    }\n  }\n": typeof types.AvatarCard_AvatarFragmentDoc,
    "\n  fragment AvatarsPanel_avatars on ProjectAvatarsConnection {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        ...AvatarCard_avatar\n      }\n    }\n  }\n": typeof types.AvatarsPanel_AvatarsFragmentDoc,
    "\n  query StudioMoreAvatars($id: ID!, $after: String!) {\n    project(id: $id) {\n      id\n      avatars(first: 24, after: $after) {\n        ...AvatarsPanel_avatars\n      }\n    }\n  }\n": typeof types.StudioMoreAvatarsDocument,
    "\n  fragment BRollCard_bRoll on BRoll {\n    id\n    name\n    prompt\n    source\n    status\n    thumbnailUrl\n    videoUrl\n    failureReason\n    durationSeconds\n    aspectRatio\n    createdAt\n  }\n": typeof types.BRollCard_BRollFragmentDoc,
    "\n  fragment BRollsPanel_bRolls on ProjectBRollsConnection {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        ...BRollCard_bRoll\n      }\n    }\n  }\n": typeof types.BRollsPanel_BRollsFragmentDoc,
    "\n  query StudioMoreBRolls($id: ID!, $after: String!) {\n    project(id: $id) {\n      id\n      bRolls(first: 24, after: $after) {\n        ...BRollsPanel_bRolls\n      }\n    }\n  }\n": typeof types.StudioMoreBRollsDocument,
    "\n  fragment ImageCard_image on Image {\n    id\n    status\n    source\n    prompt\n    imageUrl\n    failureReason\n    nsfw\n    width\n    height\n    createdAt\n  }\n": typeof types.ImageCard_ImageFragmentDoc,
    "\n  fragment ImagesPanel_images on ProjectImagesConnection {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        ...ImageCard_image\n      }\n    }\n  }\n": typeof types.ImagesPanel_ImagesFragmentDoc,
    "\n  query StudioMoreImages($id: ID!, $after: String!) {\n    project(id: $id) {\n      id\n      images(first: 24, after: $after) {\n        ...ImagesPanel_images\n      }\n    }\n  }\n": typeof types.StudioMoreImagesDocument,
    "\n  subscription ProjectUpdated($projectId: ID!) {\n    projectUpdated(projectId: $projectId) {\n      kind\n      subjectId\n      project {\n        id\n        name\n      }\n      image {\n        id\n        ...ImageCard_image\n      }\n      avatar {\n        id\n        ...AvatarCard_avatar\n      }\n      bRoll {\n        id\n        ...BRollCard_bRoll\n      }\n    }\n  }\n": typeof types.ProjectUpdatedDocument,
    "\n  query Studio($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      images(first: 24) {\n        totalCount\n        edges {\n          node {\n            id\n            imageUrl\n          }\n        }\n        ...ImagesPanel_images\n      }\n      avatars(first: 24) {\n        totalCount\n        ...AvatarsPanel_avatars\n      }\n      bRolls(first: 24) {\n        totalCount\n        ...BRollsPanel_bRolls\n      }\n    }\n  }\n": typeof types.StudioDocument,
    "\n  mutation CreateAvatar($input: CreateAvatarInput!) {\n    createAvatar(input: $input) {\n      __typename\n      ... on MutationCreateAvatarSuccess {\n        data {\n          __typename\n          id\n          ...AvatarCard_avatar\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.CreateAvatarDocument,
    "\n  mutation CreateBRoll($input: CreateBRollInput!) {\n    createBRoll(input: $input) {\n      ... on MutationCreateBRollSuccess {\n        data {\n          id\n          ...BRollCard_bRoll\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.CreateBRollDocument,
    "\n  mutation DeleteAvatar($input: DeleteAvatarInput!) {\n    deleteAvatar(input: $input) {\n      ... on MutationDeleteAvatarSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.DeleteAvatarDocument,
    "\n  mutation DeleteBRoll($input: DeleteBRollInput!) {\n    deleteBRoll(input: $input) {\n      ... on MutationDeleteBRollSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.DeleteBRollDocument,
    "\n  mutation EditImage($input: EditImageInput!) {\n    editImage(input: $input) {\n      ... on MutationEditImageSuccess {\n        data {\n          id\n          ...ImageCard_image\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.EditImageDocument,
    "\n  mutation GenerateImage($input: GenerateImageInput!) {\n    generateImage(input: $input) {\n      ... on MutationGenerateImageSuccess {\n        data {\n          id\n          ...ImageCard_image\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.GenerateImageDocument,
    "\n  mutation RetryAvatar($input: RetryAvatarInput!) {\n    retryAvatar(input: $input) {\n      ... on MutationRetryAvatarSuccess {\n        data {\n          id\n          ...AvatarCard_avatar\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.RetryAvatarDocument,
    "\n  mutation RetryBRoll($input: RetryBRollInput!) {\n    retryBRoll(input: $input) {\n      ... on MutationRetryBRollSuccess {\n        data {\n          id\n          ...BRollCard_bRoll\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.RetryBRollDocument,
    "\n  mutation CreateUpload($input: CreateUploadInput!) {\n    createUpload(input: $input) {\n      ... on MutationCreateUploadSuccess {\n        data {\n          uploadId\n          uploadUrl\n          contentType\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.CreateUploadDocument,
    "\n  mutation RegisterUpload($input: RegisterUploadInput!) {\n    registerUpload(input: $input) {\n      ... on MutationRegisterUploadSuccess {\n        data {\n          id\n          ...ImageCard_image\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": typeof types.RegisterUploadDocument,
    "\n  query UsageScreen($period: UsagePeriod!) {\n    me {\n      id\n      usage(period: $period) {\n        period\n        generations\n        succeeded\n        failed\n        pending\n        totalCost\n        byModel {\n          model\n          count\n          succeeded\n          cost\n        }\n        byDay {\n          day\n          generations\n          cost\n        }\n      }\n    }\n  }\n": typeof types.UsageScreenDocument,
    "\n  query PendingNodes($avatarIds: [ID!]!, $imageIds: [ID!]!, $bRollIds: [ID!]!) {\n    avatars: nodes(ids: $avatarIds) {\n      id\n      ... on Avatar {\n        ...AvatarCard_avatar\n      }\n    }\n    images: nodes(ids: $imageIds) {\n      id\n      ... on Image {\n        ...ImageCard_image\n      }\n    }\n    bRolls: nodes(ids: $bRollIds) {\n      id\n      ... on BRoll {\n        ...BRollCard_bRoll\n      }\n    }\n  }\n": typeof types.PendingNodesDocument,
    "\n  fragment FormErrors_error on Error {\n    message\n    ... on ValidationError {\n      fieldErrors {\n        path\n        message\n      }\n    }\n  }\n": typeof types.FormErrors_ErrorFragmentDoc,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n": types.MeDocument,
    "\n  query AdminViewer {\n    me {\n      id\n      role\n    }\n  }\n": types.AdminViewerDocument,
    "\n  subscription AdminAvatarUpdated($id: ID!) {\n    avatarUpdated(id: $id) {\n      id\n      ...PublicAvatarRow_avatar\n    }\n  }\n": types.AdminAvatarUpdatedDocument,
    "\n  query AdminProjects {\n    me {\n      id\n      projects(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AdminProjectsDocument,
    "\n  query AdminStudioImages($projectId: ID!) {\n    project(id: $projectId) {\n      id\n      images(first: 48) {\n        edges {\n          node {\n            id\n            status\n            nsfw\n            prompt\n            imageUrl\n          }\n        }\n      }\n    }\n  }\n": types.AdminStudioImagesDocument,
    "\n  fragment PublicAvatarRow_avatar on Avatar {\n    id\n    name\n    status\n    failureReason\n    imageUrl\n    videoUrl\n    createdAt\n    tags {\n      id\n      slug\n      name\n    }\n  }\n": types.PublicAvatarRow_AvatarFragmentDoc,
    "\n  query AdminPublicAvatars($first: Int!, $after: String, $search: String) {\n    tagCategories {\n      id\n      ...TagPicker_category\n    }\n    adminPublicAvatars(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...PublicAvatarRow_avatar\n        }\n      }\n    }\n  }\n": types.AdminPublicAvatarsDocument,
    "\n  fragment TagPicker_category on TagCategory {\n    id\n    name\n    tags {\n      id\n      slug\n      name\n    }\n  }\n": types.TagPicker_CategoryFragmentDoc,
    "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiKeyRow_ApiKeyFragmentDoc,
    "\n  query AdminApiKeys {\n    apiKeys {\n      id\n      ...ApiKeyRow_apiKey\n    }\n  }\n": types.AdminApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      ... on MutationCreateApiKeySuccess {\n        data {\n          key\n          apiKey {\n            id\n            ...ApiKeyRow_apiKey\n          }\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation CreatePublicAvatar($input: CreatePublicAvatarInput!) {\n    createPublicAvatar(input: $input) {\n      ... on MutationCreatePublicAvatarSuccess {\n        data {\n          id\n          ...PublicAvatarRow_avatar\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.CreatePublicAvatarDocument,
    "\n  mutation CreateTagCategory($input: CreateTagCategoryInput!) {\n    createTagCategory(input: $input) {\n      ... on MutationCreateTagCategorySuccess {\n        data {\n          id\n          ...CategoryItem_category\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.CreateTagCategoryDocument,
    "\n  mutation CreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      ... on MutationCreateTagSuccess {\n        data {\n          id\n          ...TagItem_tag\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.CreateTagDocument,
    "\n  mutation DeletePublicAvatar($input: DeleteAvatarInput!) {\n    deleteAvatar(input: $input) {\n      __typename\n      ... on MutationDeleteAvatarSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.DeletePublicAvatarDocument,
    "\n  mutation DeleteTagCategory($input: DeleteTagCategoryInput!) {\n    deleteTagCategory(input: $input) {\n      __typename\n      ... on MutationDeleteTagCategorySuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.DeleteTagCategoryDocument,
    "\n  mutation DeleteTag($input: DeleteTagInput!) {\n    deleteTag(input: $input) {\n      __typename\n      ... on MutationDeleteTagSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.DeleteTagDocument,
    "\n  mutation RenameTagCategory($input: RenameTagCategoryInput!) {\n    renameTagCategory(input: $input) {\n      __typename\n      ... on MutationRenameTagCategorySuccess {\n        data {\n          __typename\n          id\n          name\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.RenameTagCategoryDocument,
    "\n  mutation RenameTag($input: RenameTagInput!) {\n    renameTag(input: $input) {\n      __typename\n      ... on MutationRenameTagSuccess {\n        data {\n          __typename\n          id\n          name\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.RenameTagDocument,
    "\n  mutation ReorderTagCategories($input: ReorderTagCategoriesInput!) {\n    reorderTagCategories(input: $input) {\n      __typename\n      ... on MutationReorderTagCategoriesSuccess {\n        data {\n          __typename\n          id\n          position\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.ReorderTagCategoriesDocument,
    "\n  mutation ReorderTags($input: ReorderTagsInput!) {\n    reorderTags(input: $input) {\n      __typename\n      ... on MutationReorderTagsSuccess {\n        data {\n          __typename\n          id\n          tags {\n            __typename\n            id\n            position\n          }\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.ReorderTagsDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on MutationRevokeApiKeySuccess {\n        data {\n          __typename\n          id\n          revokedAt\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation UpdatePublicAvatar($input: UpdatePublicAvatarInput!) {\n    updatePublicAvatar(input: $input) {\n      __typename\n      ... on MutationUpdatePublicAvatarSuccess {\n        data {\n          __typename\n          id\n          name\n          tags {\n            __typename\n            id\n            slug\n            name\n          }\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.UpdatePublicAvatarDocument,
    "\n  fragment CategoryItem_category on TagCategory {\n    id\n    name\n    slug\n    position\n    tags {\n      id\n      ...TagItem_tag\n    }\n  }\n": types.CategoryItem_CategoryFragmentDoc,
    "\n  fragment TagItem_tag on Tag {\n    id\n    name\n    slug\n    position\n    avatarCount\n  }\n": types.TagItem_TagFragmentDoc,
    "\n  query AdminTags {\n    tagCategories {\n      id\n      ...CategoryItem_category\n    }\n  }\n": types.AdminTagsDocument,
    "\n  query AdminUsageByUser($period: UsagePeriod!, $first: Int!, $after: String) {\n    usageByUser(period: $period, first: $first, after: $after) {\n      __typename\n      ... on UserUsageConnection {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            userId\n            ...UserUsageRow_usage\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.AdminUsageByUserDocument,
    "\n  fragment UserUsageRow_usage on UserUsage {\n    userId\n    email\n    name\n    usage {\n      generations\n      succeeded\n      failed\n      pending\n      totalCost\n      byModel {\n        model\n        count\n        cost\n      }\n    }\n  }\n": types.UserUsageRow_UsageFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ... on MutationSignInSuccess {\n        data {\n          token\n        }\n      }\n      ...FormErrors_error\n      ... on RateLimitedError {\n        retryAfter\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut(input: {}) {\n      ... on MutationSignOutSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.SignOutDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ... on MutationSignUpSuccess {\n        data {\n          token\n        }\n      }\n      ...FormErrors_error\n      ... on ConflictError {\n        path\n      }\n      ... on RateLimitedError {\n        retryAfter\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  fragment CatalogCard_avatar on Avatar {\n    id\n    name\n    imageUrl\n    videoUrl\n    tags {\n      id\n      slug\n      name\n    }\n  }\n": types.CatalogCard_AvatarFragmentDoc,
    "\n  query Catalog($first: Int!, $after: String, $tags: [String!], $search: String, $orderBy: CatalogOrder) {\n    tagCategories {\n      id\n      slug\n      name\n    }\n    publicAvatars(first: $first, after: $after, tags: $tags, search: $search, orderBy: $orderBy) {\n      __typename\n      ... on PublicAvatarConnection {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...CatalogCard_avatar\n          }\n        }\n        facets {\n          count\n          tag {\n            id\n            slug\n            name\n            category {\n              id\n              slug\n              name\n            }\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.CatalogDocument,
    "\n  query CatalogAvatar($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Avatar {\n        name\n        imageUrl\n      }\n    }\n    quote(input: { kind: AVATAR }) {\n      estimatedCost\n    }\n  }\n": types.CatalogAvatarDocument,
    "\n  mutation QuickProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ... on MutationCreateProjectSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.QuickProjectDocument,
    "\n  fragment LibraryCard_avatar on Avatar {\n    id\n    name\n    status\n    imageUrl\n    videoUrl\n    project {\n      id\n      name\n    }\n  }\n": types.LibraryCard_AvatarFragmentDoc,
    "\n  query Library($first: Int!, $projectId: ID, $status: GenerationStatus) {\n    me {\n      id\n      projects(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n      avatars(first: $first, projectId: $projectId, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n        }\n        edges {\n          node {\n            id\n            ...LibraryCard_avatar\n          }\n        }\n      }\n    }\n  }\n": types.LibraryDocument,
    "\n  query ProjectChoices {\n    me {\n      id\n      projects(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ProjectChoicesDocument,
    "\n  mutation AddAvatarToProject($input: AddAvatarToProjectInput!) {\n    addAvatarToProject(input: $input) {\n      ... on MutationAddAvatarToProjectSuccess {\n        data {\n          id\n          ...AvatarCard_avatar\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.AddAvatarToProjectDocument,
    "\n  mutation RemoveAvatarFromProject($input: RemoveAvatarFromProjectInput!) {\n    removeAvatarFromProject(input: $input) {\n      __typename\n      ... on MutationRemoveAvatarFromProjectSuccess {\n        data {\n          __typename\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.RemoveAvatarFromProjectDocument,
    "\n  query Quote($input: QuoteInput!) {\n    quote(input: $input) {\n      estimatedCost\n    }\n  }\n": types.QuoteDocument,
    "\n  fragment ProjectRow_project on Project {\n    id\n    name\n    updatedAt\n    avatars(first: 1) {\n      totalCount\n    }\n    bRolls(first: 1) {\n      totalCount\n    }\n  }\n": types.ProjectRow_ProjectFragmentDoc,
    "\n  query Projects {\n    me {\n      id\n      projects(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            ...ProjectRow_project\n          }\n        }\n      }\n    }\n  }\n": types.ProjectsDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ... on MutationCreateProjectSuccess {\n        data {\n          id\n          name\n          updatedAt\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.CreateProjectDocument,
    "\n  mutation DeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      ... on MutationDeleteProjectSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.DeleteProjectDocument,
    "\n  mutation RenameProject($input: RenameProjectInput!) {\n    renameProject(input: $input) {\n      ... on MutationRenameProjectSuccess {\n        data {\n          id\n          name\n          updatedAt\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.RenameProjectDocument,
    "\n  fragment AvatarCard_avatar on Avatar {\n    id\n    name\n    status\n    imageUrl\n    videoUrl\n    failureReason\n    aspectRatio\n    durationSeconds\n    quality\n    createdAt\n    project {\n      __typename\n      id\n    }\n  }\n": types.AvatarCard_AvatarFragmentDoc,
    "\n  fragment AvatarsPanel_avatars on ProjectAvatarsConnection {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        ...AvatarCard_avatar\n      }\n    }\n  }\n": types.AvatarsPanel_AvatarsFragmentDoc,
    "\n  query StudioMoreAvatars($id: ID!, $after: String!) {\n    project(id: $id) {\n      id\n      avatars(first: 24, after: $after) {\n        ...AvatarsPanel_avatars\n      }\n    }\n  }\n": types.StudioMoreAvatarsDocument,
    "\n  fragment BRollCard_bRoll on BRoll {\n    id\n    name\n    prompt\n    source\n    status\n    thumbnailUrl\n    videoUrl\n    failureReason\n    durationSeconds\n    aspectRatio\n    createdAt\n  }\n": types.BRollCard_BRollFragmentDoc,
    "\n  fragment BRollsPanel_bRolls on ProjectBRollsConnection {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        ...BRollCard_bRoll\n      }\n    }\n  }\n": types.BRollsPanel_BRollsFragmentDoc,
    "\n  query StudioMoreBRolls($id: ID!, $after: String!) {\n    project(id: $id) {\n      id\n      bRolls(first: 24, after: $after) {\n        ...BRollsPanel_bRolls\n      }\n    }\n  }\n": types.StudioMoreBRollsDocument,
    "\n  fragment ImageCard_image on Image {\n    id\n    status\n    source\n    prompt\n    imageUrl\n    failureReason\n    nsfw\n    width\n    height\n    createdAt\n  }\n": types.ImageCard_ImageFragmentDoc,
    "\n  fragment ImagesPanel_images on ProjectImagesConnection {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        ...ImageCard_image\n      }\n    }\n  }\n": types.ImagesPanel_ImagesFragmentDoc,
    "\n  query StudioMoreImages($id: ID!, $after: String!) {\n    project(id: $id) {\n      id\n      images(first: 24, after: $after) {\n        ...ImagesPanel_images\n      }\n    }\n  }\n": types.StudioMoreImagesDocument,
    "\n  subscription ProjectUpdated($projectId: ID!) {\n    projectUpdated(projectId: $projectId) {\n      kind\n      subjectId\n      project {\n        id\n        name\n      }\n      image {\n        id\n        ...ImageCard_image\n      }\n      avatar {\n        id\n        ...AvatarCard_avatar\n      }\n      bRoll {\n        id\n        ...BRollCard_bRoll\n      }\n    }\n  }\n": types.ProjectUpdatedDocument,
    "\n  query Studio($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      images(first: 24) {\n        totalCount\n        edges {\n          node {\n            id\n            imageUrl\n          }\n        }\n        ...ImagesPanel_images\n      }\n      avatars(first: 24) {\n        totalCount\n        ...AvatarsPanel_avatars\n      }\n      bRolls(first: 24) {\n        totalCount\n        ...BRollsPanel_bRolls\n      }\n    }\n  }\n": types.StudioDocument,
    "\n  mutation CreateAvatar($input: CreateAvatarInput!) {\n    createAvatar(input: $input) {\n      __typename\n      ... on MutationCreateAvatarSuccess {\n        data {\n          __typename\n          id\n          ...AvatarCard_avatar\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.CreateAvatarDocument,
    "\n  mutation CreateBRoll($input: CreateBRollInput!) {\n    createBRoll(input: $input) {\n      ... on MutationCreateBRollSuccess {\n        data {\n          id\n          ...BRollCard_bRoll\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.CreateBRollDocument,
    "\n  mutation DeleteAvatar($input: DeleteAvatarInput!) {\n    deleteAvatar(input: $input) {\n      ... on MutationDeleteAvatarSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.DeleteAvatarDocument,
    "\n  mutation DeleteBRoll($input: DeleteBRollInput!) {\n    deleteBRoll(input: $input) {\n      ... on MutationDeleteBRollSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.DeleteBRollDocument,
    "\n  mutation EditImage($input: EditImageInput!) {\n    editImage(input: $input) {\n      ... on MutationEditImageSuccess {\n        data {\n          id\n          ...ImageCard_image\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.EditImageDocument,
    "\n  mutation GenerateImage($input: GenerateImageInput!) {\n    generateImage(input: $input) {\n      ... on MutationGenerateImageSuccess {\n        data {\n          id\n          ...ImageCard_image\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.GenerateImageDocument,
    "\n  mutation RetryAvatar($input: RetryAvatarInput!) {\n    retryAvatar(input: $input) {\n      ... on MutationRetryAvatarSuccess {\n        data {\n          id\n          ...AvatarCard_avatar\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.RetryAvatarDocument,
    "\n  mutation RetryBRoll($input: RetryBRollInput!) {\n    retryBRoll(input: $input) {\n      ... on MutationRetryBRollSuccess {\n        data {\n          id\n          ...BRollCard_bRoll\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.RetryBRollDocument,
    "\n  mutation CreateUpload($input: CreateUploadInput!) {\n    createUpload(input: $input) {\n      ... on MutationCreateUploadSuccess {\n        data {\n          uploadId\n          uploadUrl\n          contentType\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.CreateUploadDocument,
    "\n  mutation RegisterUpload($input: RegisterUploadInput!) {\n    registerUpload(input: $input) {\n      ... on MutationRegisterUploadSuccess {\n        data {\n          id\n          ...ImageCard_image\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n": types.RegisterUploadDocument,
    "\n  query UsageScreen($period: UsagePeriod!) {\n    me {\n      id\n      usage(period: $period) {\n        period\n        generations\n        succeeded\n        failed\n        pending\n        totalCost\n        byModel {\n          model\n          count\n          succeeded\n          cost\n        }\n        byDay {\n          day\n          generations\n          cost\n        }\n      }\n    }\n  }\n": types.UsageScreenDocument,
    "\n  query PendingNodes($avatarIds: [ID!]!, $imageIds: [ID!]!, $bRollIds: [ID!]!) {\n    avatars: nodes(ids: $avatarIds) {\n      id\n      ... on Avatar {\n        ...AvatarCard_avatar\n      }\n    }\n    images: nodes(ids: $imageIds) {\n      id\n      ... on Image {\n        ...ImageCard_image\n      }\n    }\n    bRolls: nodes(ids: $bRollIds) {\n      id\n      ... on BRoll {\n        ...BRollCard_bRoll\n      }\n    }\n  }\n": types.PendingNodesDocument,
    "\n  fragment FormErrors_error on Error {\n    message\n    ... on ValidationError {\n      fieldErrors {\n        path\n        message\n      }\n    }\n  }\n": types.FormErrors_ErrorFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminViewer {\n    me {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  query AdminViewer {\n    me {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminAvatarUpdated($id: ID!) {\n    avatarUpdated(id: $id) {\n      id\n      ...PublicAvatarRow_avatar\n    }\n  }\n"): (typeof documents)["\n  subscription AdminAvatarUpdated($id: ID!) {\n    avatarUpdated(id: $id) {\n      id\n      ...PublicAvatarRow_avatar\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProjects {\n    me {\n      id\n      projects(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminProjects {\n    me {\n      id\n      projects(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStudioImages($projectId: ID!) {\n    project(id: $projectId) {\n      id\n      images(first: 48) {\n        edges {\n          node {\n            id\n            status\n            nsfw\n            prompt\n            imageUrl\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminStudioImages($projectId: ID!) {\n    project(id: $projectId) {\n      id\n      images(first: 48) {\n        edges {\n          node {\n            id\n            status\n            nsfw\n            prompt\n            imageUrl\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PublicAvatarRow_avatar on Avatar {\n    id\n    name\n    status\n    failureReason\n    imageUrl\n    videoUrl\n    createdAt\n    tags {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment PublicAvatarRow_avatar on Avatar {\n    id\n    name\n    status\n    failureReason\n    imageUrl\n    videoUrl\n    createdAt\n    tags {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPublicAvatars($first: Int!, $after: String, $search: String) {\n    tagCategories {\n      id\n      ...TagPicker_category\n    }\n    adminPublicAvatars(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...PublicAvatarRow_avatar\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminPublicAvatars($first: Int!, $after: String, $search: String) {\n    tagCategories {\n      id\n      ...TagPicker_category\n    }\n    adminPublicAvatars(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          ...PublicAvatarRow_avatar\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TagPicker_category on TagCategory {\n    id\n    name\n    tags {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment TagPicker_category on TagCategory {\n    id\n    name\n    tags {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminApiKeys {\n    apiKeys {\n      id\n      ...ApiKeyRow_apiKey\n    }\n  }\n"): (typeof documents)["\n  query AdminApiKeys {\n    apiKeys {\n      id\n      ...ApiKeyRow_apiKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      ... on MutationCreateApiKeySuccess {\n        data {\n          key\n          apiKey {\n            id\n            ...ApiKeyRow_apiKey\n          }\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      ... on MutationCreateApiKeySuccess {\n        data {\n          key\n          apiKey {\n            id\n            ...ApiKeyRow_apiKey\n          }\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePublicAvatar($input: CreatePublicAvatarInput!) {\n    createPublicAvatar(input: $input) {\n      ... on MutationCreatePublicAvatarSuccess {\n        data {\n          id\n          ...PublicAvatarRow_avatar\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePublicAvatar($input: CreatePublicAvatarInput!) {\n    createPublicAvatar(input: $input) {\n      ... on MutationCreatePublicAvatarSuccess {\n        data {\n          id\n          ...PublicAvatarRow_avatar\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTagCategory($input: CreateTagCategoryInput!) {\n    createTagCategory(input: $input) {\n      ... on MutationCreateTagCategorySuccess {\n        data {\n          id\n          ...CategoryItem_category\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTagCategory($input: CreateTagCategoryInput!) {\n    createTagCategory(input: $input) {\n      ... on MutationCreateTagCategorySuccess {\n        data {\n          id\n          ...CategoryItem_category\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      ... on MutationCreateTagSuccess {\n        data {\n          id\n          ...TagItem_tag\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      ... on MutationCreateTagSuccess {\n        data {\n          id\n          ...TagItem_tag\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePublicAvatar($input: DeleteAvatarInput!) {\n    deleteAvatar(input: $input) {\n      __typename\n      ... on MutationDeleteAvatarSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeletePublicAvatar($input: DeleteAvatarInput!) {\n    deleteAvatar(input: $input) {\n      __typename\n      ... on MutationDeleteAvatarSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTagCategory($input: DeleteTagCategoryInput!) {\n    deleteTagCategory(input: $input) {\n      __typename\n      ... on MutationDeleteTagCategorySuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteTagCategory($input: DeleteTagCategoryInput!) {\n    deleteTagCategory(input: $input) {\n      __typename\n      ... on MutationDeleteTagCategorySuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTag($input: DeleteTagInput!) {\n    deleteTag(input: $input) {\n      __typename\n      ... on MutationDeleteTagSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteTag($input: DeleteTagInput!) {\n    deleteTag(input: $input) {\n      __typename\n      ... on MutationDeleteTagSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameTagCategory($input: RenameTagCategoryInput!) {\n    renameTagCategory(input: $input) {\n      __typename\n      ... on MutationRenameTagCategorySuccess {\n        data {\n          __typename\n          id\n          name\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation RenameTagCategory($input: RenameTagCategoryInput!) {\n    renameTagCategory(input: $input) {\n      __typename\n      ... on MutationRenameTagCategorySuccess {\n        data {\n          __typename\n          id\n          name\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameTag($input: RenameTagInput!) {\n    renameTag(input: $input) {\n      __typename\n      ... on MutationRenameTagSuccess {\n        data {\n          __typename\n          id\n          name\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation RenameTag($input: RenameTagInput!) {\n    renameTag(input: $input) {\n      __typename\n      ... on MutationRenameTagSuccess {\n        data {\n          __typename\n          id\n          name\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderTagCategories($input: ReorderTagCategoriesInput!) {\n    reorderTagCategories(input: $input) {\n      __typename\n      ... on MutationReorderTagCategoriesSuccess {\n        data {\n          __typename\n          id\n          position\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation ReorderTagCategories($input: ReorderTagCategoriesInput!) {\n    reorderTagCategories(input: $input) {\n      __typename\n      ... on MutationReorderTagCategoriesSuccess {\n        data {\n          __typename\n          id\n          position\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderTags($input: ReorderTagsInput!) {\n    reorderTags(input: $input) {\n      __typename\n      ... on MutationReorderTagsSuccess {\n        data {\n          __typename\n          id\n          tags {\n            __typename\n            id\n            position\n          }\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation ReorderTags($input: ReorderTagsInput!) {\n    reorderTags(input: $input) {\n      __typename\n      ... on MutationReorderTagsSuccess {\n        data {\n          __typename\n          id\n          tags {\n            __typename\n            id\n            position\n          }\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on MutationRevokeApiKeySuccess {\n        data {\n          __typename\n          id\n          revokedAt\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      __typename\n      ... on MutationRevokeApiKeySuccess {\n        data {\n          __typename\n          id\n          revokedAt\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePublicAvatar($input: UpdatePublicAvatarInput!) {\n    updatePublicAvatar(input: $input) {\n      __typename\n      ... on MutationUpdatePublicAvatarSuccess {\n        data {\n          __typename\n          id\n          name\n          tags {\n            __typename\n            id\n            slug\n            name\n          }\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePublicAvatar($input: UpdatePublicAvatarInput!) {\n    updatePublicAvatar(input: $input) {\n      __typename\n      ... on MutationUpdatePublicAvatarSuccess {\n        data {\n          __typename\n          id\n          name\n          tags {\n            __typename\n            id\n            slug\n            name\n          }\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CategoryItem_category on TagCategory {\n    id\n    name\n    slug\n    position\n    tags {\n      id\n      ...TagItem_tag\n    }\n  }\n"): (typeof documents)["\n  fragment CategoryItem_category on TagCategory {\n    id\n    name\n    slug\n    position\n    tags {\n      id\n      ...TagItem_tag\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TagItem_tag on Tag {\n    id\n    name\n    slug\n    position\n    avatarCount\n  }\n"): (typeof documents)["\n  fragment TagItem_tag on Tag {\n    id\n    name\n    slug\n    position\n    avatarCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTags {\n    tagCategories {\n      id\n      ...CategoryItem_category\n    }\n  }\n"): (typeof documents)["\n  query AdminTags {\n    tagCategories {\n      id\n      ...CategoryItem_category\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsageByUser($period: UsagePeriod!, $first: Int!, $after: String) {\n    usageByUser(period: $period, first: $first, after: $after) {\n      __typename\n      ... on UserUsageConnection {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            userId\n            ...UserUsageRow_usage\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsageByUser($period: UsagePeriod!, $first: Int!, $after: String) {\n    usageByUser(period: $period, first: $first, after: $after) {\n      __typename\n      ... on UserUsageConnection {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            userId\n            ...UserUsageRow_usage\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserUsageRow_usage on UserUsage {\n    userId\n    email\n    name\n    usage {\n      generations\n      succeeded\n      failed\n      pending\n      totalCost\n      byModel {\n        model\n        count\n        cost\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment UserUsageRow_usage on UserUsage {\n    userId\n    email\n    name\n    usage {\n      generations\n      succeeded\n      failed\n      pending\n      totalCost\n      byModel {\n        model\n        count\n        cost\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ... on MutationSignInSuccess {\n        data {\n          token\n        }\n      }\n      ...FormErrors_error\n      ... on RateLimitedError {\n        retryAfter\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ... on MutationSignInSuccess {\n        data {\n          token\n        }\n      }\n      ...FormErrors_error\n      ... on RateLimitedError {\n        retryAfter\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut(input: {}) {\n      ... on MutationSignOutSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut(input: {}) {\n      ... on MutationSignOutSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ... on MutationSignUpSuccess {\n        data {\n          token\n        }\n      }\n      ...FormErrors_error\n      ... on ConflictError {\n        path\n      }\n      ... on RateLimitedError {\n        retryAfter\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ... on MutationSignUpSuccess {\n        data {\n          token\n        }\n      }\n      ...FormErrors_error\n      ... on ConflictError {\n        path\n      }\n      ... on RateLimitedError {\n        retryAfter\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogCard_avatar on Avatar {\n    id\n    name\n    imageUrl\n    videoUrl\n    tags {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CatalogCard_avatar on Avatar {\n    id\n    name\n    imageUrl\n    videoUrl\n    tags {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog($first: Int!, $after: String, $tags: [String!], $search: String, $orderBy: CatalogOrder) {\n    tagCategories {\n      id\n      slug\n      name\n    }\n    publicAvatars(first: $first, after: $after, tags: $tags, search: $search, orderBy: $orderBy) {\n      __typename\n      ... on PublicAvatarConnection {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...CatalogCard_avatar\n          }\n        }\n        facets {\n          count\n          tag {\n            id\n            slug\n            name\n            category {\n              id\n              slug\n              name\n            }\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query Catalog($first: Int!, $after: String, $tags: [String!], $search: String, $orderBy: CatalogOrder) {\n    tagCategories {\n      id\n      slug\n      name\n    }\n    publicAvatars(first: $first, after: $after, tags: $tags, search: $search, orderBy: $orderBy) {\n      __typename\n      ... on PublicAvatarConnection {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            ...CatalogCard_avatar\n          }\n        }\n        facets {\n          count\n          tag {\n            id\n            slug\n            name\n            category {\n              id\n              slug\n              name\n            }\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogAvatar($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Avatar {\n        name\n        imageUrl\n      }\n    }\n    quote(input: { kind: AVATAR }) {\n      estimatedCost\n    }\n  }\n"): (typeof documents)["\n  query CatalogAvatar($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Avatar {\n        name\n        imageUrl\n      }\n    }\n    quote(input: { kind: AVATAR }) {\n      estimatedCost\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuickProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ... on MutationCreateProjectSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation QuickProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ... on MutationCreateProjectSuccess {\n        data {\n          id\n          name\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LibraryCard_avatar on Avatar {\n    id\n    name\n    status\n    imageUrl\n    videoUrl\n    project {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment LibraryCard_avatar on Avatar {\n    id\n    name\n    status\n    imageUrl\n    videoUrl\n    project {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Library($first: Int!, $projectId: ID, $status: GenerationStatus) {\n    me {\n      id\n      projects(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n      avatars(first: $first, projectId: $projectId, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n        }\n        edges {\n          node {\n            id\n            ...LibraryCard_avatar\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Library($first: Int!, $projectId: ID, $status: GenerationStatus) {\n    me {\n      id\n      projects(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n      avatars(first: $first, projectId: $projectId, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n        }\n        edges {\n          node {\n            id\n            ...LibraryCard_avatar\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectChoices {\n    me {\n      id\n      projects(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectChoices {\n    me {\n      id\n      projects(first: 100) {\n        edges {\n          node {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAvatarToProject($input: AddAvatarToProjectInput!) {\n    addAvatarToProject(input: $input) {\n      ... on MutationAddAvatarToProjectSuccess {\n        data {\n          id\n          ...AvatarCard_avatar\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation AddAvatarToProject($input: AddAvatarToProjectInput!) {\n    addAvatarToProject(input: $input) {\n      ... on MutationAddAvatarToProjectSuccess {\n        data {\n          id\n          ...AvatarCard_avatar\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAvatarFromProject($input: RemoveAvatarFromProjectInput!) {\n    removeAvatarFromProject(input: $input) {\n      __typename\n      ... on MutationRemoveAvatarFromProjectSuccess {\n        data {\n          __typename\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveAvatarFromProject($input: RemoveAvatarFromProjectInput!) {\n    removeAvatarFromProject(input: $input) {\n      __typename\n      ... on MutationRemoveAvatarFromProjectSuccess {\n        data {\n          __typename\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quote($input: QuoteInput!) {\n    quote(input: $input) {\n      estimatedCost\n    }\n  }\n"): (typeof documents)["\n  query Quote($input: QuoteInput!) {\n    quote(input: $input) {\n      estimatedCost\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectRow_project on Project {\n    id\n    name\n    updatedAt\n    avatars(first: 1) {\n      totalCount\n    }\n    bRolls(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectRow_project on Project {\n    id\n    name\n    updatedAt\n    avatars(first: 1) {\n      totalCount\n    }\n    bRolls(first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projects {\n    me {\n      id\n      projects(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            ...ProjectRow_project\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Projects {\n    me {\n      id\n      projects(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            ...ProjectRow_project\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ... on MutationCreateProjectSuccess {\n        data {\n          id\n          name\n          updatedAt\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ... on MutationCreateProjectSuccess {\n        data {\n          id\n          name\n          updatedAt\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      ... on MutationDeleteProjectSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteProject($input: DeleteProjectInput!) {\n    deleteProject(input: $input) {\n      ... on MutationDeleteProjectSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameProject($input: RenameProjectInput!) {\n    renameProject(input: $input) {\n      ... on MutationRenameProjectSuccess {\n        data {\n          id\n          name\n          updatedAt\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation RenameProject($input: RenameProjectInput!) {\n    renameProject(input: $input) {\n      ... on MutationRenameProjectSuccess {\n        data {\n          id\n          name\n          updatedAt\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AvatarCard_avatar on Avatar {\n    id\n    name\n    status\n    imageUrl\n    videoUrl\n    failureReason\n    aspectRatio\n    durationSeconds\n    quality\n    createdAt\n    project {\n      __typename\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment AvatarCard_avatar on Avatar {\n    id\n    name\n    status\n    imageUrl\n    videoUrl\n    failureReason\n    aspectRatio\n    durationSeconds\n    quality\n    createdAt\n    project {\n      __typename\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AvatarsPanel_avatars on ProjectAvatarsConnection {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        ...AvatarCard_avatar\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AvatarsPanel_avatars on ProjectAvatarsConnection {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        ...AvatarCard_avatar\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioMoreAvatars($id: ID!, $after: String!) {\n    project(id: $id) {\n      id\n      avatars(first: 24, after: $after) {\n        ...AvatarsPanel_avatars\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioMoreAvatars($id: ID!, $after: String!) {\n    project(id: $id) {\n      id\n      avatars(first: 24, after: $after) {\n        ...AvatarsPanel_avatars\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BRollCard_bRoll on BRoll {\n    id\n    name\n    prompt\n    source\n    status\n    thumbnailUrl\n    videoUrl\n    failureReason\n    durationSeconds\n    aspectRatio\n    createdAt\n  }\n"): (typeof documents)["\n  fragment BRollCard_bRoll on BRoll {\n    id\n    name\n    prompt\n    source\n    status\n    thumbnailUrl\n    videoUrl\n    failureReason\n    durationSeconds\n    aspectRatio\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BRollsPanel_bRolls on ProjectBRollsConnection {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        ...BRollCard_bRoll\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BRollsPanel_bRolls on ProjectBRollsConnection {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        ...BRollCard_bRoll\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioMoreBRolls($id: ID!, $after: String!) {\n    project(id: $id) {\n      id\n      bRolls(first: 24, after: $after) {\n        ...BRollsPanel_bRolls\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioMoreBRolls($id: ID!, $after: String!) {\n    project(id: $id) {\n      id\n      bRolls(first: 24, after: $after) {\n        ...BRollsPanel_bRolls\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImageCard_image on Image {\n    id\n    status\n    source\n    prompt\n    imageUrl\n    failureReason\n    nsfw\n    width\n    height\n    createdAt\n  }\n"): (typeof documents)["\n  fragment ImageCard_image on Image {\n    id\n    status\n    source\n    prompt\n    imageUrl\n    failureReason\n    nsfw\n    width\n    height\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImagesPanel_images on ProjectImagesConnection {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        ...ImageCard_image\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ImagesPanel_images on ProjectImagesConnection {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        ...ImageCard_image\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioMoreImages($id: ID!, $after: String!) {\n    project(id: $id) {\n      id\n      images(first: 24, after: $after) {\n        ...ImagesPanel_images\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudioMoreImages($id: ID!, $after: String!) {\n    project(id: $id) {\n      id\n      images(first: 24, after: $after) {\n        ...ImagesPanel_images\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProjectUpdated($projectId: ID!) {\n    projectUpdated(projectId: $projectId) {\n      kind\n      subjectId\n      project {\n        id\n        name\n      }\n      image {\n        id\n        ...ImageCard_image\n      }\n      avatar {\n        id\n        ...AvatarCard_avatar\n      }\n      bRoll {\n        id\n        ...BRollCard_bRoll\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ProjectUpdated($projectId: ID!) {\n    projectUpdated(projectId: $projectId) {\n      kind\n      subjectId\n      project {\n        id\n        name\n      }\n      image {\n        id\n        ...ImageCard_image\n      }\n      avatar {\n        id\n        ...AvatarCard_avatar\n      }\n      bRoll {\n        id\n        ...BRollCard_bRoll\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Studio($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      images(first: 24) {\n        totalCount\n        edges {\n          node {\n            id\n            imageUrl\n          }\n        }\n        ...ImagesPanel_images\n      }\n      avatars(first: 24) {\n        totalCount\n        ...AvatarsPanel_avatars\n      }\n      bRolls(first: 24) {\n        totalCount\n        ...BRollsPanel_bRolls\n      }\n    }\n  }\n"): (typeof documents)["\n  query Studio($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      images(first: 24) {\n        totalCount\n        edges {\n          node {\n            id\n            imageUrl\n          }\n        }\n        ...ImagesPanel_images\n      }\n      avatars(first: 24) {\n        totalCount\n        ...AvatarsPanel_avatars\n      }\n      bRolls(first: 24) {\n        totalCount\n        ...BRollsPanel_bRolls\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAvatar($input: CreateAvatarInput!) {\n    createAvatar(input: $input) {\n      __typename\n      ... on MutationCreateAvatarSuccess {\n        data {\n          __typename\n          id\n          ...AvatarCard_avatar\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAvatar($input: CreateAvatarInput!) {\n    createAvatar(input: $input) {\n      __typename\n      ... on MutationCreateAvatarSuccess {\n        data {\n          __typename\n          id\n          ...AvatarCard_avatar\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBRoll($input: CreateBRollInput!) {\n    createBRoll(input: $input) {\n      ... on MutationCreateBRollSuccess {\n        data {\n          id\n          ...BRollCard_bRoll\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBRoll($input: CreateBRollInput!) {\n    createBRoll(input: $input) {\n      ... on MutationCreateBRollSuccess {\n        data {\n          id\n          ...BRollCard_bRoll\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAvatar($input: DeleteAvatarInput!) {\n    deleteAvatar(input: $input) {\n      ... on MutationDeleteAvatarSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteAvatar($input: DeleteAvatarInput!) {\n    deleteAvatar(input: $input) {\n      ... on MutationDeleteAvatarSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteBRoll($input: DeleteBRollInput!) {\n    deleteBRoll(input: $input) {\n      ... on MutationDeleteBRollSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteBRoll($input: DeleteBRollInput!) {\n    deleteBRoll(input: $input) {\n      ... on MutationDeleteBRollSuccess {\n        data\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditImage($input: EditImageInput!) {\n    editImage(input: $input) {\n      ... on MutationEditImageSuccess {\n        data {\n          id\n          ...ImageCard_image\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation EditImage($input: EditImageInput!) {\n    editImage(input: $input) {\n      ... on MutationEditImageSuccess {\n        data {\n          id\n          ...ImageCard_image\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateImage($input: GenerateImageInput!) {\n    generateImage(input: $input) {\n      ... on MutationGenerateImageSuccess {\n        data {\n          id\n          ...ImageCard_image\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateImage($input: GenerateImageInput!) {\n    generateImage(input: $input) {\n      ... on MutationGenerateImageSuccess {\n        data {\n          id\n          ...ImageCard_image\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryAvatar($input: RetryAvatarInput!) {\n    retryAvatar(input: $input) {\n      ... on MutationRetryAvatarSuccess {\n        data {\n          id\n          ...AvatarCard_avatar\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RetryAvatar($input: RetryAvatarInput!) {\n    retryAvatar(input: $input) {\n      ... on MutationRetryAvatarSuccess {\n        data {\n          id\n          ...AvatarCard_avatar\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryBRoll($input: RetryBRollInput!) {\n    retryBRoll(input: $input) {\n      ... on MutationRetryBRollSuccess {\n        data {\n          id\n          ...BRollCard_bRoll\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RetryBRoll($input: RetryBRollInput!) {\n    retryBRoll(input: $input) {\n      ... on MutationRetryBRollSuccess {\n        data {\n          id\n          ...BRollCard_bRoll\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUpload($input: CreateUploadInput!) {\n    createUpload(input: $input) {\n      ... on MutationCreateUploadSuccess {\n        data {\n          uploadId\n          uploadUrl\n          contentType\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUpload($input: CreateUploadInput!) {\n    createUpload(input: $input) {\n      ... on MutationCreateUploadSuccess {\n        data {\n          uploadId\n          uploadUrl\n          contentType\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterUpload($input: RegisterUploadInput!) {\n    registerUpload(input: $input) {\n      ... on MutationRegisterUploadSuccess {\n        data {\n          id\n          ...ImageCard_image\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterUpload($input: RegisterUploadInput!) {\n    registerUpload(input: $input) {\n      ... on MutationRegisterUploadSuccess {\n        data {\n          id\n          ...ImageCard_image\n        }\n      }\n      ...FormErrors_error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageScreen($period: UsagePeriod!) {\n    me {\n      id\n      usage(period: $period) {\n        period\n        generations\n        succeeded\n        failed\n        pending\n        totalCost\n        byModel {\n          model\n          count\n          succeeded\n          cost\n        }\n        byDay {\n          day\n          generations\n          cost\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsageScreen($period: UsagePeriod!) {\n    me {\n      id\n      usage(period: $period) {\n        period\n        generations\n        succeeded\n        failed\n        pending\n        totalCost\n        byModel {\n          model\n          count\n          succeeded\n          cost\n        }\n        byDay {\n          day\n          generations\n          cost\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingNodes($avatarIds: [ID!]!, $imageIds: [ID!]!, $bRollIds: [ID!]!) {\n    avatars: nodes(ids: $avatarIds) {\n      id\n      ... on Avatar {\n        ...AvatarCard_avatar\n      }\n    }\n    images: nodes(ids: $imageIds) {\n      id\n      ... on Image {\n        ...ImageCard_image\n      }\n    }\n    bRolls: nodes(ids: $bRollIds) {\n      id\n      ... on BRoll {\n        ...BRollCard_bRoll\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingNodes($avatarIds: [ID!]!, $imageIds: [ID!]!, $bRollIds: [ID!]!) {\n    avatars: nodes(ids: $avatarIds) {\n      id\n      ... on Avatar {\n        ...AvatarCard_avatar\n      }\n    }\n    images: nodes(ids: $imageIds) {\n      id\n      ... on Image {\n        ...ImageCard_image\n      }\n    }\n    bRolls: nodes(ids: $bRollIds) {\n      id\n      ... on BRoll {\n        ...BRollCard_bRoll\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FormErrors_error on Error {\n    message\n    ... on ValidationError {\n      fieldErrors {\n        path\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment FormErrors_error on Error {\n    message\n    ... on ValidationError {\n      fieldErrors {\n        path\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;