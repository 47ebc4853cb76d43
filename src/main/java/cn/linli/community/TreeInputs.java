package cn.linli.community;

import java.util.List;

import cn.linli.platform.error.LinliException;
import cn.linli.platform.validation.PlainText;
import cn.linli.platform.validation.Texts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Inputs of the tree and staff mutations, validated ({@code @Valid}) with the messages staff see. Lengths follow the
 * V1 check constraints: street, community and estate names up to 100, building and unit names up to 50, rooms up to
 * 20, titles up to 50.
 */
final class TreeInputs {

    record CreateStreetInput(
            @NotBlank(message = "请填写街道名称") @Size(max = 100, message = "街道名称不能超过 100 个字")
            @PlainText(message = "街道名称包含无效字符") String name) {

        CreateStreetInput {
            name = Texts.strip(name);
        }
    }

    record CreateCommunityInput(
            String streetId,
            @NotBlank(message = "请填写社区名称") @Size(max = 100, message = "社区名称不能超过 100 个字")
            @PlainText(message = "社区名称包含无效字符") String name,
            @Nullable @Size(max = 200, message = "社区地址不能超过 200 个字")
            @PlainText(message = "社区地址包含无效字符") String address) {

        CreateCommunityInput {
            name = Texts.strip(name);
            address = Texts.blankToNull(address);
        }
    }

    record CreateEstateInput(
            String communityId,
            @NotBlank(message = "请填写小区名称") @Size(max = 100, message = "小区名称不能超过 100 个字")
            @PlainText(message = "小区名称包含无效字符") String name) {

        CreateEstateInput {
            name = Texts.strip(name);
        }
    }

    record CreateBuildingInput(
            String estateId,
            @NotBlank(message = "请填写楼栋名称") @Size(max = 50, message = "楼栋名称不能超过 50 个字")
            @PlainText(message = "楼栋名称包含无效字符") String name) {

        CreateBuildingInput {
            name = Texts.strip(name);
        }
    }

    record CreateUnitInput(
            String buildingId,
            @NotBlank(message = "请填写单元名称") @Size(max = 50, message = "单元名称不能超过 50 个字")
            @PlainText(message = "单元名称包含无效字符") String name) {

        CreateUnitInput {
            name = Texts.strip(name);
        }
    }

    record CreateHouseholdInput(
            String unitId,
            @NotBlank(message = "请填写房号") @Size(max = 20, message = "房号不能超过 20 个字")
            @PlainText(message = "房号包含无效字符") String room) {

        CreateHouseholdInput {
            room = Texts.strip(room);
        }
    }

    /** {@code name} is the room number for a household; its upper bound depends on the kind ({@link #checkLength}). */
    record RenamePlaceInput(
            @NotNull(message = "请选择地点类型") PlaceKind kind,
            String id,
            @NotBlank(message = "请填写名称") @Size(max = 100, message = "名称不能超过 100 个字")
            @PlainText(message = "名称包含无效字符") String name) {

        RenamePlaceInput {
            name = Texts.strip(name);
        }

        void checkLength() {
            if (name.length() > kind.maxNameLength()) {
                throw LinliException.invalid("input.name",
                        kind.displayName() + "名称不能超过 " + kind.maxNameLength() + " 个字");
            }
        }
    }

    record PlaceInput(@NotNull(message = "请选择地点类型") PlaceKind kind, String id) {
    }

    record AppointStaffInput(
            String communityId,
            String accountId,
            @NotBlank(message = "请填写职务") @Size(max = 50, message = "职务不能超过 50 个字")
            @PlainText(message = "职务包含无效字符") String title,
            @Nullable @Size(max = 200, message = "网格楼栋最多 200 栋") List<String> gridBuildingIds) {

        AppointStaffInput {
            title = Texts.strip(title);
        }
    }

    record RevokeStaffInput(String accountId) {
    }

    record AppointStreetStaffInput(
            String streetId,
            String accountId,
            @NotBlank(message = "请填写职务") @Size(max = 50, message = "职务不能超过 50 个字")
            @PlainText(message = "职务包含无效字符") String title) {

        AppointStreetStaffInput {
            title = Texts.strip(title);
        }
    }

    record RevokeStreetStaffInput(String accountId) {
    }

    private TreeInputs() {
    }
}
